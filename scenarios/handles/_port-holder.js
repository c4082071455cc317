// A worker that receives a MessagePort, answers on it once, and then ends by itself (the 'once'
// listener was its only reason to stay) without closing the port.
var parentPort = require('worker_threads').parentPort;
parentPort.once('message', function (port) {
  port.postMessage('hello from the worker');
});

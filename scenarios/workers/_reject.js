// Worker fixture: a rejected Promise nobody handles; a timer that runs only if the worker goes on.
var parentPort = require('worker_threads').parentPort;
Promise.reject(new Error('rejected in worker'));
setTimeout(function () {
  parentPort.postMessage('worker timer ran');
}, 20);

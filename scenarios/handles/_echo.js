// Worker fixture: answers each message on parentPort; on 'stop' it closes parentPort.
var parentPort = require('worker_threads').parentPort;
parentPort.on('message', function (m) {
  if (m === 'stop') {
    parentPort.close();
    return;
  }
  parentPort.postMessage('echo ' + m);
});

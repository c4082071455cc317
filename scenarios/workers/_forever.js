// Worker fixture: tells the main thread it is running, then never ends by itself.
var parentPort = require('worker_threads').parentPort;
setInterval(function () {}, 1000);
parentPort.postMessage('running');

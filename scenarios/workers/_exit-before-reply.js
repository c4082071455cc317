// A worker that ends itself with process.exit(1) when asked for something, without ever answering.
var parentPort = require('worker_threads').parentPort;
parentPort.on('message', function () {
  process.exit(1);
});

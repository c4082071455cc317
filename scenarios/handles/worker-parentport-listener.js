/*---
claim: "A worker whose code listens on parentPort never ends by itself, so neither does the process: 300 ms after its only answer the worker is still running, and it exits with code 0 only once it calls parentPort.close()."
source: https://github.com/oven-sh/bun/issues/32828
tags: [handles, event-loop, workers]
why: "In a worker, parentPort is a MessagePort, and a 'message' listener refs it like any other port: the worker's event loop waits for messages that may still come, so the worker never runs out of work. The main thread keeps the process alive while the worker runs. Closing parentPort (or unref()ing it) inside the worker lets its loop empty, and the worker exits normally with code 0."
instead: "Have the worker close parentPort (or process.exit()) when its job is done, use parentPort.once() for a single message, or terminate() it from the main thread."
links: [https://github.com/nwjs/nw.js/issues/7405, https://github.com/graphql-hive/console/pull/6754, https://nodejs.org/api/worker_threads.html#workerparentport]
explains: {hang-worker: 1}
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var worker = new Worker(__dirname + '/_echo.js');
worker.on('message', function (m) {
  console.log('main got: ' + m);
  // unref'd: it fires only if the worker is still running 300 ms after its answer.
  setTimeout(function () {
    console.log('worker still running 300 ms later; asking it to close parentPort');
    worker.postMessage('stop');
  }, 300).unref();
});
worker.on('exit', function (code) {
  console.log('worker exit event: ' + code);
});
worker.postMessage('ping');

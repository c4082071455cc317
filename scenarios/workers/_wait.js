// Worker fixture: a 200 ms timer keeps it (and, unless unref'd, the process) alive.
setTimeout(function () {
  require('worker_threads').parentPort.postMessage('worker done');
}, 200);

/*---
claim: "A throw inside a worker thread does not crash the main thread: the Worker emits 'error' with the Error, then 'exit' with code 1, and the main thread goes on and exits with 0."
source: https://nodejs.org/api/worker_threads.html#event-error
tags: [workers, errors, uncaughtException, exit]
why: "An uncaught exception ends only the thread it was thrown in. The worker's error is serialized, sent to the main thread and emitted there as the Worker's 'error' event; then the thread stops and the Worker emits 'exit' with code 1. The main thread's process is not affected."
instead: "Listen for 'error' on every Worker and decide there (restart it, or fail the whole process with process.exitCode)."
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

var worker = new Worker(__dirname + '/_throw.js');
worker.on('error', function (err) {
  console.log('error event: ' + (err instanceof Error) + ' ' + err.message);
});
worker.on('exit', function (code) {
  console.log('exit event: ' + code);
  setTimeout(function () {
    console.log('main thread goes on');
  }, 1);
});

/*---
claim: "process.exit(3) inside a worker ends only that thread: its own 'exit' listeners run, the Worker emits 'exit' with 3 and no 'error', and the main process goes on and exits with 0."
source: https://nodejs.org/api/worker_threads.html#event-exit
tags: [workers, exit, exit-codes]
why: "Inside a worker, process.exit() stops the thread, not the process; the code becomes the Worker's 'exit' event argument. The main thread's exit code does not change."
instead: "If a worker's failure must fail the process, set process.exitCode in the Worker's 'exit' listener."
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

var worker = new Worker(__dirname + '/_exit.js');
worker.on('error', function (err) {
  console.log('error event: ' + err.message);
});
worker.on('exit', function (code) {
  console.log('exit event: ' + code);
  setTimeout(function () {
    console.log('main thread goes on');
  }, 1);
});

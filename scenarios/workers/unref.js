/*---
claim: "After worker.unref() a running worker no longer keeps the process alive: the process exits with 0 as soon as the main thread has nothing left, the worker is stopped mid-work, and neither its message nor the Worker's 'exit' event arrive."
source: https://nodejs.org/api/worker_threads.html#workerunref
tags: [workers, event-loop, handles, exit]
why: "unref() takes the worker out of the set of things the event loop waits for, like timer.unref(). When the main thread's loop is empty, the process exits and the worker thread is stopped with it."
instead: "Only unref() workers whose work may be abandoned at any point; otherwise wait for their 'exit' (or a message saying they are done)."
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

var worker = new Worker(__dirname + '/_slow.js');
worker.on('message', function (m) {
  console.log('message: ' + m);
});
worker.on('exit', function (code) {
  console.log('exit event: ' + code);
});
worker.unref();
console.log('end of main script');

/*---
claim: "worker.terminate() does not lose a line the worker had already console.logged: the line is printed after the main thread's own line, and from 12.5.0 before the Worker's 'exit' event (after it on 12.0 to 12.4)."
source: https://github.com/nodejs/node/issues/30491
tags: [output, workers]
changes: [{in: '12.5.0', what: "the worker's pending output is written before the Worker's 'exit' event instead of after it; the exact commit is not pinned down", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V12.md#12.5.0'}]
why: "The worker's line is a message already posted to the main thread when terminate() is called (the main thread waits with Atomics.wait until the worker has returned from console.log). terminate() stops the worker's thread but not the main thread, whose event loop then handles the pending message and writes the line. What is lost with process.exit() in the main thread (output/worker-log-then-main-exit) is kept here. Up to 12.4 the Worker's 'exit' event was emitted first and the line came after it. Deno writes the line from the worker itself, before the main thread's."
instead: "To stop a worker without losing its output, terminate() it from the main thread and let the main thread go on; do not follow with process.exit() in the same synchronous code."
links: [https://nodejs.org/api/worker_threads.html#workerterminate]
---*/
var wt = require('worker_threads');

if (wt.isMainThread) {
  var flag = new Int32Array(new SharedArrayBuffer(4));
  var worker = new wt.Worker(__filename, { workerData: flag });
  // Wait, without returning to the event loop, until the worker has returned from console.log().
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 10);
  console.log('main: the worker has logged its line; terminating it');
  worker.on('exit', function (code) {
    console.log('main: worker exit ' + code);
  });
  worker.terminate(); // its Promise is new in 12.5.0: the 'exit' event says when it is done on every version
} else {
  console.log('worker: my line');
  Atomics.store(wt.workerData, 0, 1);
  Atomics.notify(wt.workerData, 0);
  setInterval(function () {}, 1000); // stays alive until terminated
}

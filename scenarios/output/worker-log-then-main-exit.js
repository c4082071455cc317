/*---
claim: "A line a worker has already console.logged is lost when the main thread calls process.exit() before getting back to its event loop: the process exits with 0 and only the main thread's line is printed."
source: https://github.com/nodejs/node/issues/30491
tags: [output, workers, exit]
why: "A worker's console.log posts its text to the main thread, and the main thread writes it to the file descriptor only when its event loop handles that message. Here the main thread waits (Atomics.wait, never returning to the loop) until the worker has returned from console.log, then exits: the message is still unread, and the line dies with it. Deno writes a worker's output from the worker itself, so the line is printed before the main thread's. (With process.exit() in a 'message' listener instead, whether the worker's line comes first is a race: on 24 and 26 it was lost in about 1 run of 20.)"
instead: "Let the main thread end by itself, or at least return to the event loop before exiting (set process.exitCode); a result that matters goes to the main thread by postMessage and is printed there."
links: [https://nodejs.org/api/worker_threads.html#workerstdout]
---*/
var wt = require('worker_threads');

if (wt.isMainThread) {
  var flag = new Int32Array(new SharedArrayBuffer(4));
  new wt.Worker(__filename, { workerData: flag });
  // Wait, without returning to the event loop, until the worker has returned from console.log().
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 10);
  console.log('main: the worker has logged its line; calling process.exit()');
  process.exit(0);
} else {
  console.log('worker: my line');
  Atomics.store(wt.workerData, 0, 1);
  Atomics.notify(wt.workerData, 0);
}

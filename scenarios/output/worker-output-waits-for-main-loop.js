/*---
claim: "A worker's console.log line is printed by the main thread, and only when it is back in its event loop: a line the worker has already logged comes out after a line the main thread logs later."
source: https://github.com/nodejs/node/issues/30491
tags: [output, workers]
why: "A worker has no stdout of its own: process.stdout in a worker is a stream that posts each write to the main thread, which writes it when its event loop handles the message. While the main thread runs synchronous code (here it waits with Atomics.wait until the worker has returned from console.log) nothing the worker logged can appear, and lines from the two threads come out in the order the main thread handles them, not the order they were logged. Deno writes from the worker itself: its line comes first."
instead: "Do not read the order of interleaved worker and main-thread lines as the order of events: prefix lines with a timestamp or a sequence number, or send the worker's results to the main thread with postMessage and print them there."
links: [https://nodejs.org/api/worker_threads.html#workerstdout]
---*/
var wt = require('worker_threads');

if (wt.isMainThread) {
  var flag = new Int32Array(new SharedArrayBuffer(4));
  new wt.Worker(__filename, { workerData: flag });
  // Wait, without returning to the event loop, until the worker has returned from console.log().
  while (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 10);
  console.log('main: the worker has logged its line');
} else {
  console.log('worker: my line');
  Atomics.store(wt.workerData, 0, 1);
  Atomics.notify(wt.workerData, 0);
}

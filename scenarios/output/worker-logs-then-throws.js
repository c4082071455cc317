/*---
claim: "A worker that console.logs 300 lines and then throws: the main thread gets 'error' and 'exit' 1, but up to 20.19.2, on 21.x, and up to 22.13 and 23.6 only the first of the 300 lines is printed; from 20.19.3, 22.14 and 23.7 all of them are, before the 'error' event."
source: https://github.com/nodejs/node/issues/40961
tags: [output, workers, errors]
changes: [{in: '23.7.0', what: "a worker that ends flushes what its stdout still holds: all 300 lines arrive before the 'error' event", link: 'https://github.com/nodejs/node/pull/56428'}, {in: '22.14.0', what: 'the same fix, backported to 22.x', link: 'https://github.com/nodejs/node/pull/56428'}, {in: '20.19.3', what: 'the same fix, backported to 20.x', link: 'https://github.com/nodejs/node/pull/56428'}, {never: '21', what: 'the fix never reached 21.x (released before it, no longer maintained): 21.7.3 still cuts the output', link: 'https://github.com/nodejs/node/pull/56428'}]
why: "An uncaught exception stops a worker the way process.exit() does (output/worker-logs-then-exit-in-worker): its stdout had sent the first line to the main thread and was waiting for an acknowledgement before sending the rest, and the worker stopped first. The lines that explain a crash are exactly the ones that vanished. Deno also prints the uncaught error itself on stderr, besides emitting 'error'."
instead: "Catch errors inside the worker and post them to the main thread, or log from the main thread's 'error' listener; do not rely on a crashing worker's last lines on older versions."
links: [https://github.com/nodejs/node/pull/56428, https://nodejs.org/api/worker_threads.html#event-error]
---*/
var wt = require('worker_threads');
var LINES = 300;

if (wt.isMainThread) {
  var worker = new wt.Worker(__filename);
  worker.on('error', function (err) {
    console.log('main: worker error: ' + err.message);
  });
  worker.on('exit', function (code) {
    console.log('main: worker exit ' + code);
  });
} else {
  for (var i = 1; i <= LINES; i++) console.log('worker line ' + i);
  throw new Error('boom');
}

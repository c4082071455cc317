/*---
claim: "A worker whose 'uncaughtException' listener itself throws is reported to the main thread with 'error' (the listener's error) and then 'exit' with code 1, from 14.17 and 16.0; before (and on all of 15.x) the same 'error' came with 'exit' code 0, as if the worker had ended normally. The main thread goes on and exits with 0."
source: https://github.com/nodejs/node/issues/37996
tags: [workers, errors, uncaughtException, exit-codes]
why: In the main thread a throw inside the 'uncaughtException' listener ends the process with 7. In a worker the thread's own last-resort handler caught that second error, emitted it as 'error' to the parent, and left the exit code at 0; the fix sets it to 1, the code the Worker documentation gives for a worker ended by an uncaught exception.
instead: Keep uncaughtException listeners tiny and wrap their body in try/catch; always listen for the Worker's 'error' and 'exit' and treat a non-zero code as a crash.
links: [https://github.com/nodejs/node/pull/38012, https://nodejs.org/api/process.html#exit-codes]
changes:
  - {in: '14.17.0', what: "the Worker's 'exit' event says 1 instead of 0 (backport; the registry lacks 14.17.0: 14.16.1 says 0, 14.17.1 says 1)", link: 'https://github.com/nodejs/node/pull/38012'}
  - {never: '15', what: "no 15.x release got the fix: 'exit' says 0 (observed on 15.0.0 and 15.14.0)", link: 'https://github.com/nodejs/node/pull/38012'}
  - {in: '16.0.0', what: "the Worker's 'exit' event says 1 instead of 0", link: 'https://github.com/nodejs/node/pull/38012'}
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});
var worker = new Worker(__dirname + '/_throw-in-handler.js');
worker.on('error', function (err) {
  console.log('error event: ' + err.message);
});
worker.on('exit', function (code) {
  console.log('exit event: ' + code);
});

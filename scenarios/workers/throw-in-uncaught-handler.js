/*---
claim: "A worker whose 'uncaughtException' listener itself throws ends with exit code 7 and the Worker's 'error' event gets the listener's error, as in the main thread; on releases before the fix the Worker's 'exit' event said 0 and 'error' was not emitted."
source: https://github.com/nodejs/node/issues/37996
tags: [workers, errors, uncaughtException, exit-codes]
why: A throw inside the handler for an uncaught exception is a failure of the fatal-exception handling itself (exit code 7). Inside a worker that path used to end the thread as if it had finished normally.
instead: Keep uncaughtException listeners tiny and wrap their body in try/catch; always listen for the Worker's 'error' and 'exit' and treat a non-zero code as a crash.
links: [https://github.com/nodejs/node/pull/38012, https://nodejs.org/api/process.html#exit-codes]
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

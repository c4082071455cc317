/*---
claim: "A throw inside a worker whose Worker has no 'error' listener becomes an uncaught exception in the main thread: the main process crashes with exit code 1 and prints the worker's error."
source: https://nodejs.org/api/worker_threads.html#event-error; https://nodejs.org/api/events.html#error-events
tags: [workers, errors, uncaughtException, exit-codes]
why: "The Worker is an EventEmitter: the worker's error is emitted on it as 'error', and an 'error' event with no listener throws. That throw happens in the main thread, so one failing worker takes the whole process down."
instead: "Always add worker.on('error', ...)."
changes:
  - {in: '14.7.0', what: "the fatal report's trace line says the error was emitted on the process instance, not the Worker (MessagePort became an EventTarget, whose listener errors went to process 'error')", link: 'https://github.com/nodejs/node/pull/34057'}
  - {in: '16.0.0', what: "the trace line names the Worker instance again (errors in EventTarget listeners became uncaught exceptions)", link: 'https://github.com/nodejs/node/pull/37237'}
  - {in: '21.0.0', what: "the \"Emitted 'error' event on Worker instance at:\" trace is no longer printed under the error", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V21.md#21.0.0'}
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

// No 'error' listener. (No 'exit' listener either: whether it runs before the crash depends on
// whether the error reaches the main thread before or together with the worker's end.)
new Worker(__dirname + '/_throw.js');
console.log('worker started');

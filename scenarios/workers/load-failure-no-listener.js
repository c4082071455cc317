/*---
claim: "A worker whose module fails to load (it requires a package that does not exist) is an 'error' on its Worker: with no 'error' listener the main thread crashes with the worker's `Cannot find module` error and exit code 1, though the main thread's own code ran to its end."
source: https://github.com/nodejs/node/issues/43331
tags: [workers, errors, uncaughtException, exit-codes]
why: "Loading the worker's module happens inside the worker; a require() that throws there is the worker's uncaught exception, like a throw in its code. It is reported to the main thread as an 'error' event on the Worker object, and an 'error' event with no listener is thrown, in the main thread, which ends the whole process."
instead: "Always give a Worker an 'error' listener (and an 'exit' listener to see it end); it receives the load failure like any other error in the worker."
links: [https://github.com/graphql-hive/console/pull/6754, https://nodejs.org/api/worker_threads.html#event-error]
changes:
  - {in: '12.9.0', what: "the fatal report's trace line names the emitter: \"Emitted 'error' event on Worker instance at:\" instead of \"Emitted 'error' event at:\"", link: 'https://github.com/nodejs/node/pull/28952'}
  - {in: '14.7.0', what: "the fatal report's trace line says the error was emitted on the process instance, not the Worker (MessagePort became an EventTarget)", link: 'https://github.com/nodejs/node/pull/34057'}
  - {in: '16.0.0', what: "the trace line names the Worker instance again (errors in EventTarget listeners became uncaught exceptions)", link: 'https://github.com/nodejs/node/pull/37237'}
  - {in: '21.0.0', what: "the \"Emitted 'error' event on Worker instance at:\" trace is no longer printed under the error", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V21.md#21.0.0'}
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

// No 'error' listener.
new Worker(__dirname + '/_require-missing.js');
console.log('worker started');

/*---
claim: "An uncaught Error created with { cause } is reported with its cause: from 16.14.0 (17.3.0 on the 17.x line) the crash report shows `[cause]: Error: inner` with the inner error's own stack under the outer error; earlier releases print the outer error only. Exit code 1 either way."
source: https://github.com/vercel/next.js/issues/49896
tags: [diagnostics, errors, uncaughtException, exit]
why: Node prints an uncaught error with util.inspect, and util.inspect learnt to print an error's cause (after V8 added the cause option to the Error constructor, Node 16.9). Before that the crash report did not show it.
instead: On an older release, log err.cause yourself in an uncaughtException listener or at the place that wraps the error.
links: [https://nodejs.org/api/util.html#utilinspectobject-options, https://github.com/nodejs/node/pull/41002]
changes:
  - {in: '16.14.0', what: 'the crash report prints the cause of the error as `[cause]: Error: inner` with its stack (backport of the 17.3.0 change)', link: 'https://github.com/nodejs/node/pull/41002'}
  - {in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}
  - {in: '17.3.0', what: 'util.inspect, and so the crash report, always shows the cause of an error as `[cause]: ...`', link: 'https://github.com/nodejs/node/pull/41002'}
---*/
// The inner error is made by the main module and the outer one thrown from a timer, so their stacks
// share no frames: otherwise the report folds the shared ones into "... N lines matching cause stack
// trace ...", whose N counts Node's own module-loader frames and so changes between releases.
var inner = new Error('inner');
process.on('exit', function (code) {
  console.log('exit ' + code);
});
setTimeout(function wrapAndThrow() {
  throw new Error('outer', { cause: inner });
}, 1);

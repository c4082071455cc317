/*---
claim: An error thrown from a `beforeExit` listener is an ordinary uncaught exception; the process exits with code 1 and the `exit` event fires with code 1.
source: https://nodejs.org/api/process.html#event-beforeexit
tags: [errors, beforeExit, exit, uncaughtException]
why: "`beforeExit` is emitted when the event loop has run dry, before Node decides to exit. A throw in its listener is handled like any uncaught exception: with no `uncaughtException` listener, Node runs the `exit` listeners with code 1, prints the error and ends."
links: [https://nodejs.org/api/process.html#event-beforeexit]
changes: [{in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('beforeExit', function (code) {
  console.log('beforeExit ' + code);
  throw new Error('beforeExit listener failed');
});
console.log('end of script');

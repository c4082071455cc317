/*---
claim: If the `uncaughtException` listener itself throws, Node prints that second error and exits with code 7 without emitting the `exit` event.
source: https://nodejs.org/api/process.html#exit-codes (7 Internal Exception Handler Run-Time Failure)
tags: [errors, uncaughtException, exit, exitCode]
why: "Node's exit code 7 means the fatal-exception handling itself failed: there was an uncaught exception and the handler Node ran for it (your `uncaughtException` listener) threw. Node gives up at once: it reports the listener's error and ends with 7, skipping the `exit` listeners that a normal crash would run."
instead: Keep the listener tiny and wrap its body in try/catch; log and exit from it.
links: [https://nodejs.org/api/process.html#exit-codes]
changes: [{in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('uncaughtException', function (err) {
  console.log('listener got: ' + err.message);
  throw new Error('listener failed');
});
setTimeout(function () {
  throw new Error('오류 핸들링 테스트');
}, 5);

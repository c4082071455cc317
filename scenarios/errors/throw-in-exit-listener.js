/*---
claim: An error thrown from an `exit` listener ends the process with exit code 1 (although the loop had ended with 0) and prints the error; the `exit` listeners after it do not run.
source: https://nodejs.org/api/process.html#event-exit
tags: [errors, exit, exitCode, uncaughtException]
why: "`exit` listeners are called one after another by a plain `emit`; a throw stops the emit, so the later listeners are skipped. The error is then an uncaught exception while the process is already exiting: Node prints it and exits with 1, and does not run the `exit` event a second time."
instead: Keep `exit` listeners synchronous, tiny and wrapped in try/catch.
links: [https://nodejs.org/api/process.html#event-exit]
changes: [{in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
explains: {crash-in-exit-listener: 1}
---*/
process.on('exit', function (code) {
  console.log('first exit listener: ' + code);
  throw new Error('exit listener failed');
});
process.on('exit', function (code) {
  console.log('second exit listener: ' + code);
});
console.log('end of script');

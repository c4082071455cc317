/*---
claim: "process.exit(2.7) ends the process with code 2 before Node 20 (the 'exit' listeners receive 2.7; 19 adds a DEP0164 warning); from Node 20 process.exit() throws RangeError ERR_OUT_OF_RANGE instead of exiting, and that uncaught error ends the process with code 1."
source: https://nodejs.org/api/process.html#processexitcode
tags: [exit, exitCode, exit-codes, deprecation]
why: The code given to process.exit() used to reach the operating system through an integer conversion; Node 20 validates it first, and an invalid code becomes an exception thrown by process.exit() itself.
instead: Pass an integer (Math.trunc, or a fixed code per failure kind).
changes:
  - {in: '19.0.0', what: 'a DEP0164 DeprecationWarning is printed for the coercion', link: 'https://github.com/nodejs/node/pull/44711'}
  - {in: '20.0.0', what: 'process.exit() throws ERR_OUT_OF_RANGE for a non-integer code', link: 'https://github.com/nodejs/node/pull/43716'}
---*/
process.on('exit', function (code) {
  console.log('exit listener got ' + JSON.stringify(code));
});

process.exit(2.7);

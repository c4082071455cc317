/*---
claim: "Without --trace-uncaught, a thrown string crashes the process with exit code 1 and a report that names only the throwing line and the value 'oops', with no stack at all, and a hint to run with --trace-uncaught."
source: https://nodejs.org/api/cli.html#--trace-uncaught
tags: [diagnostics, uncaughtException, errors]
why: A string has no stack property, and nothing recorded where it was thrown; the source line comes from V8's message, not from a stack.
instead: Throw Error objects so the crash report always carries a stack.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
setTimeout(function () {
  throw 'oops';
}, 1);

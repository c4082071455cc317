/*---
claim: "A thrown non-Error value (a string) carries no stack, so the crash report shows only the throwing line and the value; with --trace-uncaught Node adds 'Thrown at:' and the stack of the throw. Exit code 1 either way."
source: https://nodejs.org/api/cli.html#--trace-uncaught
tags: [diagnostics, uncaughtException, errors]
flags: [--trace-uncaught]
why: Only Error objects record a stack when they are created. --trace-uncaught makes V8 record where every uncaught value was thrown, so even `throw 'oops'` can be traced; it costs memory and time, which is why it is off by default.
instead: Throw Error objects (new Error('oops')), never strings; keep --trace-uncaught for debugging code you do not control.
changes: [{in: '12.16.0', what: '--trace-uncaught exists; before, Node refuses to start with "bad option: --trace-uncaught" and exit code 9 (13.x got it in 13.1.0)', link: 'https://nodejs.org/api/cli.html#--trace-uncaught'}, {in: '13.1.0', what: 'the same on the 13.x line', link: 'https://nodejs.org/api/cli.html#--trace-uncaught'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
setTimeout(function () {
  throw 'oops';
}, 1);

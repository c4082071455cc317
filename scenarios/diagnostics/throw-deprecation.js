/*---
claim: "With --throw-deprecation, the deprecation warning of new Buffer() becomes an exception; before Node 15 it is thrown at the call, so a try/catch around it catches it, and from Node 15 it is thrown on the next tick, after the script has finished, crashing the process with exit code 1 past any try/catch."
source: https://nodejs.org/api/cli.html#--throw-deprecation
tags: [diagnostics, deprecation, errors, try-catch, exit]
flags: [--throw-deprecation]
why: Node 15 delayed the throw so that warnings emitted earlier in the same tick are printed first; as a side effect the exception can no longer be caught where the deprecated API is called.
instead: Use --throw-deprecation in test runs to find deprecated calls, not as a way to handle them in code.
changes: [{in: '15.0.0', what: '--throw-deprecation throws on the next tick instead of at the deprecated call', link: 'https://github.com/nodejs/node/pull/32312'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
try {
  var b = new Buffer(4);
  console.log('made a buffer of ' + b.length + ' bytes');
} catch (err) {
  console.log('caught: ' + err.name + ' ' + err.code);
}
console.log('end of script');

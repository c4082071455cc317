/*---
claim: "new Buffer(size) still works but prints the DEP0005 DeprecationWarning once, on stderr, and the 'warning' listener sees it with code DEP0005; the process exits with code 0."
source: https://nodejs.org/api/deprecations.html#DEP0005
tags: [diagnostics, deprecation, warnings]
why: DEP0005 is a runtime deprecation for code outside node_modules. The warning is emitted only the first time.
instead: Buffer.alloc(size), Buffer.allocUnsafe(size) or Buffer.from(value).
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ' ' + warning.code);
});
var a = new Buffer(4);
var b = new Buffer(8);
console.log('made buffers of ' + a.length + ' and ' + b.length + ' bytes');

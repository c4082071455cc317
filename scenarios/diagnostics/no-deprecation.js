/*---
claim: "--no-deprecation silences deprecation warnings completely: new Buffer() prints nothing and not even a 'warning' listener hears of it, while other warnings (here an emitWarning) still print and reach the listener."
source: https://nodejs.org/api/cli.html#--no-deprecation
tags: [diagnostics, deprecation, warnings]
flags: [--no-deprecation]
why: With process.noDeprecation set, Node drops DeprecationWarnings before emitting them, unlike --no-warnings, which only stops the printing.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name);
});
var b = new Buffer(4);
process.emitWarning('disk almost full');
console.log('made a buffer of ' + b.length + ' bytes');

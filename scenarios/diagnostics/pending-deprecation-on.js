/*---
claim: "With --pending-deprecation, the same new Buffer() call from inside node_modules prints the DEP0005 DeprecationWarning and reaches the 'warning' listener."
source: https://nodejs.org/api/cli.html#--pending-deprecation
tags: [diagnostics, deprecation, warnings, modules]
flags: [--pending-deprecation]
why: --pending-deprecation turns on warnings that are otherwise documentation-only or limited, among them DEP0005 for calls from node_modules.
---*/
var vm = require('vm');

process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ' ' + warning.code);
});
var makeBuffer = vm.runInThisContext('(function () { return new Buffer(4); })', { filename: '/app/node_modules/old-lib/index.js' });
console.log('dependency made a buffer of ' + makeBuffer().length + ' bytes');

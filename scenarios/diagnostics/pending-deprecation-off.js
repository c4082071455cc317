/*---
claim: "new Buffer() called from code inside a node_modules folder prints no deprecation warning (without --pending-deprecation): a dependency's use of a deprecated API is silent."
source: https://nodejs.org/api/deprecations.html#DEP0005
tags: [diagnostics, deprecation, warnings, modules]
why: Node skips the DEP0005 warning when the caller's file lies in node_modules, so that applications are not flooded with warnings about dependencies they cannot change. The scenario compiles the calling function with a node_modules filename (vm.runInThisContext), which is what Node inspects.
instead: Run tests with --pending-deprecation to see the deprecated calls your dependencies make.
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

/*---
claim: "A throw at the top level of a required module, uncaught, ends the process with exit code 1: the code after the require() never runs, the 'exit' listeners get 1, and stderr shows the module's throwing line and the error."
source: https://nodejs.org/api/process.html#exit-codes
tags: [modules, errors, uncaughtException, exit-codes]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
require('./_throws.js');
console.log('after the require');

/*---
claim: "require() of a file with a syntax error throws a SyntaxError that can be caught; uncaught, it ends the process with exit code 1 after the 'exit' listeners run with 1."
source: https://nodejs.org/api/modules.html; https://nodejs.org/api/process.html#exit-codes
tags: [modules, errors, exit-codes]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
try {
  require('./_syntax-error.js');
} catch (err) {
  console.log('caught ' + err.name + ': ' + err.message);
}
console.log('requiring it again, uncaught');
require('./_syntax-error.js');

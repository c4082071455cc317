/*---
claim: "require() of a module that does not exist throws an Error with code MODULE_NOT_FOUND and the list of requiring files in err.requireStack; uncaught, it ends the process with exit code 1."
source: https://nodejs.org/api/errors.html#module_not_found
tags: [modules, errors, exit-codes]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
try {
  require('./no-such-module');
} catch (err) {
  console.log('caught ' + err.code + ', requireStack has ' + err.requireStack.length + ' file(s)');
}
require('./no-such-module');

/*---
claim: "A CommonJS script that import()s a module whose top-level await never settles: the import() Promise stays pending, the loop empties and the process exits with 0, silently (no exit code 13: that is only for the entry point)."
source: https://nodejs.org/api/process.html#exit-codes (13 Unsettled Top-Level Await)
tags: [modules, esm, promise, exit-codes]
node: '>=14.8'
why: "Exit code 13 is set when the main entry point is an ES module whose evaluation never finished. A dynamic import() is just another pending Promise: nothing holds the loop open for it, and nobody checks it at exit."
instead: "Give imports that may wait on the outside world a deadline, or make modules export an init function instead of awaiting at the top level."
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
import('./_esm-tla-never.mjs').then(function () {
  console.log('imported');
}, function (err) {
  console.log('import failed: ' + err);
});
console.log('end of script');

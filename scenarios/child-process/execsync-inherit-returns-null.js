/*---
claim: "execSync(command, { stdio: 'inherit' }) lets the command print straight to the parent's stdout and then returns null, not the output: calling .toString() on the result throws a TypeError."
source: https://github.com/nodejs/help/issues/1052
tags: [child-process, output]
why: "execSync() returns what it captured on the child's stdout. With stdio 'inherit' the child writes to the parent's own stdout and nothing passes through Node, so there is nothing to return and the result is null."
instead: "Capture with the default stdio (the output is returned, and printed only if you print it), or keep 'inherit' and do not use the return value. To show and capture at once, spawn the child with stdout 'pipe' and write each chunk yourself."
links: [https://nodejs.org/api/child_process.html#child_processexecsynccommand-options]
---*/
var execSync = require('child_process').execSync;

var result = execSync('echo printed by the command', { stdio: 'inherit' });
console.log('execSync returned ' + result);
try {
  result.toString();
  console.log('toString() worked');
} catch (e) {
  console.log('result.toString() threw a ' + e.name);
}

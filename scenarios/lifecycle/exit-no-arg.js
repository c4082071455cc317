/*---
claim: "process.exit() with no argument ends the process with process.exitCode (4 here); the 'exit' listener receives 4 and nothing after the call runs."
source: https://nodejs.org/api/process.html#processexitcode
tags: [exitCode, exit]
why: "The code argument of process.exit() defaults to process.exitCode when that has been set (and to 0 otherwise). process.exit() is synchronous: it emits 'exit' and stops the process, so the statement after it never runs."
links: [https://nodejs.org/api/process.html#processexitcode]
explains: {exit-called: 1}
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

process.exitCode = 4;
console.log('calling process.exit()');
process.exit();
console.log('after process.exit()');

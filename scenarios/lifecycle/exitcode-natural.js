/*---
claim: "Setting process.exitCode = 3 and letting the loop empty ends the process with code 3; 'beforeExit' and 'exit' listeners both receive 3, and the code after the assignment still runs."
source: https://nodejs.org/api/process.html#processexitcode
tags: [exitCode, exit, beforeExit]
why: "process.exitCode only records the code to use when the process ends; unlike process.exit() it stops nothing. The timer still runs, then the loop empties, and Node passes the recorded code to the listeners and to the operating system."
instead: "Prefer process.exitCode to process.exit(code) for reporting failure: pending output and clean-up still get to finish."
links: [https://nodejs.org/api/process.html#processexitcode, https://nodejs.org/api/process.html#processexitcode_1]
---*/
process.on('beforeExit', (code) => {
  console.log(`beforeExit with code ${code}`);
});
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

process.exitCode = 3;
setTimeout(() => console.log('timer still runs'), 5);
console.log('end of code');

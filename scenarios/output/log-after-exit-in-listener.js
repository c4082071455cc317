/*---
claim: "In an 'exit' listener, a console.log() placed after a call to process.exit(2) never prints: the process ends inside that call, with code 2."
source: https://nodejs.org/api/process.html#processexitcode
tags: [output, exit, exit-codes]
why: "process.exit() called while the process is already exiting does not return: it ends the process on the spot with the new code, so the rest of the listener (and any later listener) is skipped, including output it would have written."
instead: "Set process.exitCode in an 'exit' listener instead of calling process.exit(), and write what you need to write first."
---*/
process.on('exit', (code) => {
  console.log(`exit listener: code ${code}; calling process.exit(2)`);
  process.exit(2);
  console.log('after process.exit(2)');
});
console.log('calling process.exit()');
process.exit();

/*---
claim: "Calling process.exit(7) inside an 'exit' listener ends the process at once with code 7: the listeners registered after it never run."
source: https://nodejs.org/api/process.html#event-exit
tags: [exitCode, exit]
why: "process.exit() called while the 'exit' event is already being emitted does not emit it a second time; it terminates the process right there with the new code. The remaining listeners of the event in progress are skipped."
instead: "Do not call process.exit() from an 'exit' listener; set process.exitCode if you must change the code."
links: [https://nodejs.org/api/process.html#processexitcode]
---*/
process.on('exit', (code) => {
  console.log(`first listener received ${code}; calling process.exit(7)`);
  process.exit(7);
});
process.on('exit', (code) => {
  console.log(`second listener received ${code}`);
});
console.log('end of code');

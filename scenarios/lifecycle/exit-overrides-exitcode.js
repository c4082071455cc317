/*---
claim: "process.exit(5) overrides an earlier process.exitCode = 4: the 'exit' listener receives 5, process.exitCode reads 5 inside it, and the process exits with 5."
source: https://nodejs.org/api/process.html#processexitcode
tags: [exitCode, exit]
why: "An explicit code given to process.exit() replaces process.exitCode before the 'exit' event is emitted, so listeners and the operating system both see the explicit code."
links: [https://nodejs.org/api/process.html#processexitcode, https://nodejs.org/api/process.html#processexitcode_1]
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}; process.exitCode is ${process.exitCode}`);
});

process.exitCode = 4;
console.log('calling process.exit(5)');
process.exit(5);

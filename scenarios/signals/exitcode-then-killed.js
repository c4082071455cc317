/*---
claim: "process.exitCode = 3 does not survive a death by SIGTERM: the process is killed by the signal, no exit code is reported and 'exit' listeners do not run."
source: https://nodejs.org/api/process.html#processexitcode
tags: [signals, exitCode, exit-codes]
why: "process.exitCode is only read when the process ends by itself or through process.exit(). A signal whose default action terminates the process stops it before any of that, so the parent sees the signal instead of the code."
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

process.exitCode = 3;
console.log('process.exitCode = 3; sending SIGTERM to myself');
process.kill(process.pid, 'SIGTERM');

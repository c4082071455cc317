/*---
claim: "When a 'SIGTERM' listener lets the process end by itself, the exit code is the process.exitCode set before the signal (3 here)."
source: https://nodejs.org/api/process.html#processexitcode
tags: [signals, exitCode, exit-codes, shutdown]
why: "The listener took over the signal, so the process ends through the normal path, which reports process.exitCode."
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

const keepAlive = setInterval(() => {}, 1000);
process.on('SIGTERM', () => {
  console.log('SIGTERM: clearing the interval');
  clearInterval(keepAlive);
});
process.exitCode = 3;
console.log('process.exitCode = 3; sending SIGTERM to myself');
process.kill(process.pid, 'SIGTERM');

/*---
claim: "process.exit() with no argument inside a 'SIGTERM' listener ends the process with code 0: the signal leaves no trace in the exit code, and 'exit' listeners run."
source: https://nodejs.org/api/process.html#processexitcode
tags: [signals, exit-codes, exit]
why: "Once a listener has taken over the signal, how the process ends is entirely the listener's choice. process.exit() uses process.exitCode, which is 0 unless something set it, so a supervisor sees a successful exit."
instead: "process.exit(128 + os.constants.signals.SIGTERM) (143) if the code should say the process was stopped by SIGTERM."
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

const keepAlive = setInterval(() => {}, 1000);
process.on('SIGTERM', () => {
  console.log('SIGTERM: calling process.exit()');
  process.exit();
});
console.log('sending SIGTERM to myself');
process.kill(process.pid, 'SIGTERM');

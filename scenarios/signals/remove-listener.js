/*---
claim: "Removing the last 'SIGTERM' listener restores the default action: the next SIGTERM kills the process and 'exit' listeners do not run."
source: https://nodejs.org/api/process.html#signal-events
tags: [signals, events]
why: "Node installs its signal handler when the first listener for a signal is added and removes it with the last one, so the signal's default disposition comes back."
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

const onTerm = () => console.log('listener ran');
process.on('SIGTERM', onTerm);
process.removeListener('SIGTERM', onTerm);
console.log(`listeners left: ${process.listenerCount('SIGTERM')}; sending SIGTERM to myself`);
process.kill(process.pid, 'SIGTERM');
console.log('process.kill() returned');

// Something left to wait for, so that only the signal can end the process, however late it arrives.
// Ten seconds is far longer than any delivery takes; the line prints only if the default action did not come back.
setTimeout(() => console.log('still alive 10 s later'), 10_000);

/*---
claim: "With no 'SIGHUP' listener, process.kill(process.pid, 'SIGHUP') ends the process by the signal before process.kill() returns: the next line never prints and 'exit' listeners never run."
source: https://nodejs.org/api/process.html#signal-events
tags: [signals, exit, exit-codes]
why: "Without a listener SIGHUP keeps its default action, which is to terminate the process. On Linux a signal a process sends to itself is delivered before kill() returns, so no more JavaScript runs: not the next statement, not the 'exit' event. The parent sees no exit code at all, only the signal (a shell turns that into 129 = 128 + 1)."
instead: "Clean-up that must run on SIGHUP belongs in a process.on('SIGHUP') listener, not in an 'exit' listener."
links: [https://nodejs.org/api/process.html#processkillpid-signal, https://nodejs.org/api/process.html#event-exit]
---*/
process.on('exit', (code) => {
  console.log(`exit listener: code ${code}`);
});

console.log('sending SIGHUP to myself');
process.kill(process.pid, 'SIGHUP');
console.log('process.kill() returned');

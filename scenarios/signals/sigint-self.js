/*---
claim: "With no 'SIGINT' listener, process.kill(process.pid, 'SIGINT') ends the process by the signal before process.kill() returns: the next line never prints and 'exit' listeners never run."
source: https://nodejs.org/api/process.html#signal-events
tags: [signals, exit, exit-codes]
why: "Without a listener SIGINT keeps its default action, which is to terminate the process. On Linux a signal a process sends to itself is delivered before kill() returns, so no more JavaScript runs: not the next statement, not the 'exit' event. The parent sees no exit code at all, only the signal (a shell turns that into 130 = 128 + 2)."
instead: "Clean-up that must run on SIGINT belongs in a process.on('SIGINT') listener, not in an 'exit' listener."
links: [https://nodejs.org/api/process.html#processkillpid-signal, https://nodejs.org/api/process.html#event-exit]
---*/
process.on('exit', (code) => {
  console.log(`exit listener: code ${code}`);
});

console.log('sending SIGINT to myself');
process.kill(process.pid, 'SIGINT');
console.log('process.kill() returned');

/*---
claim: "A 'SIGTERM' listener does not keep the process alive: with nothing else to do the process exits with code 0 at once, the listener never having run."
source: https://nodejs.org/api/process.html#signal-events
tags: [signals, event-loop, handles]
why: "Node watches for a signal through a libuv signal handle that it unrefs, so a listener alone is not work for the event loop. A process that only waits for SIGTERM must hold something else open (a server, a timer)."
links: [https://nodejs.org/api/process.html#signal-events]
---*/
process.on('SIGTERM', () => {
  console.log('got SIGTERM');
});
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});
console.log('waiting for SIGTERM');

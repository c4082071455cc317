/*---
claim: "With a 'SIGTERM' listener, process.kill(process.pid, 'SIGTERM') returns at once: the rest of the synchronous code and the queued microtasks run first, and the listener runs on a later turn of the event loop."
source: https://nodejs.org/api/process.html#signal-events
tags: [signals, event-loop, promise]
why: "The operating system delivers the signal to a tiny native handler that only records it and wakes the event loop; Node calls the JavaScript listener from the loop, like any other I/O callback, after the current code and its microtasks."
---*/
const keepAlive = setInterval(() => {}, 1000);
process.on('SIGTERM', () => {
  console.log('SIGTERM listener');
  clearInterval(keepAlive);
});
Promise.resolve().then(() => console.log('microtask'));
process.kill(process.pid, 'SIGTERM');
console.log('process.kill() returned');

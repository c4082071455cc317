/*---
claim: "When the loop empties by itself, asynchronous work started inside an 'exit' listener never runs if it needs the event loop (setTimeout, setImmediate) or the nextTick queue (process.nextTick); only synchronous code and Promise/queueMicrotask callbacks run."
source: https://nodejs.org/api/process.html#event-exit
tags: [exit, event-loop, promise, timers]
why: "Node documents that 'exit' listeners must be synchronous: once they return, the process ends without another turn of the loop, so timers and immediates are dropped. process.nextTick() does nothing at all once the process is exiting (Node marks the process as exiting before it emits 'exit'). Microtasks are the exception, observed on every Node from 12 to 26: after a natural end the 'exit' event is emitted from native code, and the microtask queue is drained when that call returns, just before the process stops. Do not rely on it: with process.exit() they are dropped too (lifecycle/exit-handler-async-explicit)."
instead: "Do asynchronous clean-up before the process starts exiting: in 'beforeExit', or before calling process.exit(). Keep 'exit' listeners synchronous (fs.writeFileSync, not fs.writeFile)."
links: [https://nodejs.org/api/process.html#event-exit]
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
  setTimeout(() => console.log('setTimeout callback'), 0);
  setImmediate(() => console.log('setImmediate callback'));
  process.nextTick(() => console.log('nextTick callback'));
  Promise.resolve().then(() => console.log('Promise.then callback'));
  queueMicrotask(() => console.log('queueMicrotask callback'));
  console.log('synchronous code at the end of the listener');
});
console.log('end of code');

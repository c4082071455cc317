/*---
claim: "When the process ends through process.exit(), nothing asynchronous started inside an 'exit' listener runs, not even Promise or queueMicrotask callbacks; only its synchronous code does."
source: https://nodejs.org/api/process.html#event-exit
tags: [exit, event-loop, promise, timers]
why: "process.exit() emits 'exit' from JavaScript and then terminates the process directly, with no microtask checkpoint and no further turn of the loop. Everything queued by the listener, microtasks included, is discarded."
instead: "Keep 'exit' listeners synchronous; finish asynchronous clean-up before calling process.exit(), or set process.exitCode and let the loop empty instead."
links: [https://nodejs.org/api/process.html#event-exit, https://nodejs.org/api/process.html#processexitcode]
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
console.log('calling process.exit()');
process.exit();

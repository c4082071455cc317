/*---
claim: "'beforeExit' fires once the event loop has nothing left to do, with process.exitCode as its argument (0 here), after all timers have run and before 'exit'."
source: https://nodejs.org/api/process.html#event-beforeexit
tags: [event-loop, beforeExit, exit]
why: "When the loop runs out of handles and requests, Node emits 'beforeExit' before it decides to stop, passing process.exitCode (0 unless set). Nothing was scheduled by the listener, so the loop is still empty afterwards and Node goes on to emit 'exit'."
links: [https://nodejs.org/api/process.html#event-beforeexit, https://nodejs.org/api/process.html#event-exit]
---*/
process.on('beforeExit', (code) => {
  console.log(`beforeExit with code ${code}`);
});
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

setTimeout(() => console.log('timer'), 5);
console.log('end of code');

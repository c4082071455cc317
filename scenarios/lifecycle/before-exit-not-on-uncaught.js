/*---
claim: "'beforeExit' is not emitted when an uncaught exception ends the process; 'exit' still fires, with code 1."
source: https://nodejs.org/api/process.html#event-beforeexit
tags: [beforeExit, exit, errors, uncaughtException]
why: "An uncaught exception does not let the loop drain: Node prints the error, emits 'exit' with code 1 and stops. 'beforeExit' is only for the natural end of the loop."
links: [https://nodejs.org/api/process.html#event-beforeexit, https://nodejs.org/api/process.html#exit-codes]
---*/
process.on('beforeExit', (code) => {
  console.log(`beforeExit with code ${code}`);
});
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

setTimeout(() => {
  throw new Error('boom');
}, 5);

/*---
claim: "'beforeExit' is not emitted when the process ends through an explicit process.exit(); only 'exit' fires."
source: https://nodejs.org/api/process.html#event-beforeexit
tags: [beforeExit, exit]
why: "process.exit() does not wait for the loop to empty: it emits 'exit' and stops right there. 'beforeExit' belongs to the natural end of the loop, so a clean-up that only listens to 'beforeExit' is skipped whenever someone calls process.exit()."
instead: "Put clean-up that must always run (and is synchronous) in an 'exit' listener, or avoid process.exit() and let the loop empty."
links: [https://nodejs.org/api/process.html#event-beforeexit, https://nodejs.org/api/process.html#processexitcode]
explains: {exit-called: 2}
---*/
process.on('beforeExit', (code) => {
  console.log(`beforeExit with code ${code}`);
});
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

setTimeout(() => {
  console.log('calling process.exit()');
  process.exit();
}, 5);

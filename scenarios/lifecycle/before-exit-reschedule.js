/*---
claim: "A 'beforeExit' listener that schedules new work keeps the process going: the work runs, the loop empties again and 'beforeExit' fires again, for as many rounds as the listener keeps scheduling (three here)."
source: https://nodejs.org/api/process.html#event-beforeexit
tags: [event-loop, beforeExit, timers]
why: "After emitting 'beforeExit', Node checks the loop again. A timer created by the listener is a new active handle, so the loop runs it and, when it is empty once more, emits 'beforeExit' again. A listener that always schedules something never lets the process end; this one stops after three rounds."
instead: "Guard any work scheduled from 'beforeExit' with a flag or counter, or the process never exits."
links: [https://nodejs.org/api/process.html#event-beforeexit]
---*/
let rounds = 0;
process.on('beforeExit', (code) => {
  rounds++;
  console.log(`beforeExit #${rounds} with code ${code}`);
  if (rounds < 3) {
    const round = rounds;
    setTimeout(() => console.log(`timer scheduled in round ${round}`), 1);
  }
});
process.on('exit', (code) => {
  console.log(`exit with code ${code} after ${rounds} beforeExit rounds`);
});
console.log('end of code');

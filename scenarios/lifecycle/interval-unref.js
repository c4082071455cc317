/*---
claim: An unref'd setInterval keeps ticking only while something else keeps the loop alive; when the last ref'd timer has run, the process exits with code 0 although the interval was never cleared.
source: https://nodejs.org/api/timers.html#timeoutunref
tags: [event-loop, timers, handles]
why: The unref'd interval is not a reason to keep running, but while the ref'd 200 ms timer is pending the loop runs anyway and the interval's callback gets its turns. The interval is due at 5 ms, long before the 200 ms timer, so it has ticked by the time that timer fires (timers run in order of due time, however late the loop wakes). After that only the unref'd interval is left, and Node exits.
links: [https://nodejs.org/api/timers.html#timeoutunref]
explains: {natural-end-unref-timer: 2, hang-interval: 1}
---*/
process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

let ticks = 0;
setInterval(() => {
  ticks++;
  if (ticks === 1) console.log('interval ticked');
}, 5).unref();

setTimeout(() => {
  console.log(`last ref'd timer fired; the interval has ticked: ${ticks > 0}`);
}, 200);

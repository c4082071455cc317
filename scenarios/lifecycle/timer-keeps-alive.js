/*---
claim: An await on a Promise that a pending timer will resolve keeps the process alive until the timer fires; then the async function resumes and the process exits with code 0.
source: https://nodejs.org/api/timers.html#timeoutref (contrast with seeds/001_99d9f25adfe44947.txt)
tags: [event-loop, promise, timers, handles]
why: A timer that has not fired yet is an active (ref'd) handle on the event loop. The loop keeps running while it is there, so its callback runs, resolves the Promise, and the code after the await runs before Node exits. What keeps the process alive is the timer, not the Promise.
links: [https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick]
explains: {hang-timer: 1, hang-interval: 2}
---*/
process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

(async function main() {
  console.log('waiting for the timer');
  await new Promise((resolve) => setTimeout(resolve, 20));
  console.log('timer fired, the await is over');
})();
console.log('end of code');

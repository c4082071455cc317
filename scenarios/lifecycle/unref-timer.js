/*---
claim: An await on a Promise that only an unref'd timer would resolve is abandoned; the timer's callback never runs and the process exits with code 0.
source: https://nodejs.org/api/timers.html#timeoutunref
tags: [event-loop, promise, timers, handles]
why: An unref'd timer is still scheduled, but it no longer counts as a reason to keep the loop running. With nothing else active, Node exits as soon as the synchronous code is done, before the timer is due.
instead: Keep the timer ref'd (the default) while your code awaits it; unref only timers whose firing is optional, such as a watchdog.
links: [https://nodejs.org/api/timers.html#timeoutunref]
explains: {natural-end-pending-promise: 3, natural-end-unref-timer: 1, hang-timer: 2}
---*/
process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

(async function main() {
  console.log('waiting for an unref\'d timer');
  await new Promise((resolve) => {
    setTimeout(() => {
      console.log('timer callback');
      resolve();
    }, 20).unref();
  });
  console.log('the await is over');
})();

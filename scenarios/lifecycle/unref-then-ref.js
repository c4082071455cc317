/*---
claim: Calling ref() on an unref'd timer makes it keep the process alive again; `hasRef()` goes from false to true and the awaited Promise resolves.
source: https://nodejs.org/api/timers.html#timeoutref
tags: [event-loop, promise, timers, handles]
why: ref() and unref() only flip whether the loop counts the timer; the timer stays scheduled either way. Whatever the last call was decides, so a timer unref'd and then ref'd again behaves like an ordinary timer.
links: [https://nodejs.org/api/timers.html#timeouthasref]
---*/
process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

(async function main() {
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      console.log('timer callback');
      resolve();
    }, 20);
    timer.unref();
    console.log(`after unref(): hasRef() = ${timer.hasRef()}`);
    timer.ref();
    console.log(`after ref(): hasRef() = ${timer.hasRef()}`);
  });
  console.log('the await is over');
})();

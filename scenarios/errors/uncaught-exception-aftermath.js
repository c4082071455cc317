/*---
claim: After an `uncaughtException` listener handles a throw from a timer callback, the rest of that callback never runs, but other pending timers (even ones due at the same moment) still fire, and the process ends normally with exit code 0.
source: https://nodejs.org/api/process.html#event-uncaughtexception; seeds/003_43754586e9320e59.txt (uncaughtException)
tags: [errors, uncaughtException, timers, exit]
why: "The throw unwinds the callback; the lines after it are simply skipped, whatever state they were meant to restore stays broken. Node then calls the listener and carries on with the event loop as if the callback had returned: the timers due at the same time and the ones due later run as usual. Timers 1 and 2 are due at the same 5 ms and fire in the order they were created; timer 3 is due 45 ms later."
instead: Do not resume after uncaughtException; exit and restart.
links: [https://nodejs.org/api/process.html#warning-using-uncaughtexception-correctly]
explains: {crash-handled: 2}
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('uncaughtException', function (err) {
  console.log('uncaughtException 발생 : ' + err);
});
setTimeout(function () {
  console.log('timer 1: before throw');
  throw new Error('오류 핸들링 테스트');
  // eslint-disable-next-line no-unreachable
  console.log('timer 1: after throw');
}, 5);
setTimeout(function () {
  console.log('timer 2: same time');
}, 5);
// Timers run in order of due time (and creation order within one due time), so load can delay
// this output but not reorder it.
setTimeout(function () {
  console.log('timer 3: later');
}, 50);

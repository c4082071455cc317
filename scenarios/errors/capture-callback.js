/*---
claim: With `process.setUncaughtExceptionCaptureCallback(fn)`, an uncaught exception goes to `fn` instead; the `uncaughtException` event is not emitted, the event loop goes on, and the process exits 0.
source: https://nodejs.org/api/process.html#processsetuncaughtexceptioncapturecallbackfn
tags: [errors, uncaughtException, exit]
why: "The capture callback replaces the default handling of uncaught exceptions (it exists for modules such as `domain`). While it is set, Node calls it instead of emitting `uncaughtException`, and the process keeps running as if a listener had handled the error."
instead: Prefer `uncaughtException` listeners in applications; the capture callback is a single slot meant for one library.
links: [https://nodejs.org/api/process.html#processhasuncaughtexceptioncapturecallback]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('uncaughtException', function (err) {
  console.log('uncaughtException listener: ' + err);
});
process.setUncaughtExceptionCaptureCallback(function (err) {
  console.log('capture callback: ' + err);
});
console.log('has capture callback: ' + process.hasUncaughtExceptionCaptureCallback());
setTimeout(function () {
  throw new Error('오류 핸들링 테스트');
}, 5);
// Due 45 ms after the throwing timer: timers run in order of due time, so a slow machine delays
// both but cannot swap them.
setTimeout(function () {
  console.log('later timer');
}, 50);

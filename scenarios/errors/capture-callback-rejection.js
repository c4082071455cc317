/*---
claim: "From Node 15 an unhandled rejection reaches the uncaught-exception capture callback like a thrown error, and the process carries on (exit code 0); before 15 the callback is not called and the rejection only prints UnhandledPromiseRejectionWarning."
source: https://nodejs.org/api/process.html#processsetuncaughtexceptioncapturecallbackfn
tags: [errors, rejections, uncaughtException, promise]
why: Since Node 15 (--unhandled-rejections=throw by default) an unhandled rejection is raised as an uncaught exception, and whatever handles uncaught exceptions (the capture callback here) handles it too.
instead: Handle rejections where they happen; treat the capture callback as a last resort.
changes: [{in: '15.0.0', what: 'unhandled rejections are raised as uncaught exceptions by default (--unhandled-rejections=throw)', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.setUncaughtExceptionCaptureCallback(function (err) {
  console.log('capture callback: ' + err.message);
});

Promise.reject(new Error('request rejected'));
setTimeout(function () {
  console.log('later timer');
}, 10);

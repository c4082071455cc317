/*---
claim: "From Node 15 an unhandled rejection reaches the uncaught-exception capture callback like a thrown error, and the process carries on (exit code 0); before 15 the callback is not called and the rejection only prints UnhandledPromiseRejectionWarning."
source: https://nodejs.org/api/process.html#processsetuncaughtexceptioncapturecallbackfn
tags: [errors, rejections, uncaughtException, promise]
why: Since Node 15 (--unhandled-rejections=throw by default) an unhandled rejection is raised as an uncaught exception, and whatever handles uncaught exceptions (the capture callback here) handles it too.
instead: Handle rejections where they happen; treat the capture callback as a last resort.
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '15.0.0', what: 'unhandled rejections are raised as uncaught exceptions by default (--unhandled-rejections=throw)', link: 'https://github.com/nodejs/node/pull/33021'}]
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

/*---
claim: '--unhandled-rejections=none silences the unhandled-rejection warning but not PromiseRejectionHandledWarning: a late `.catch` still prints "Promise rejection was handled asynchronously (rejection id: 1)" on every Node version.'
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise]
flags: [--unhandled-rejections=none]
why: The mode only governs what happens to a rejection found unhandled; the later "handled asynchronously" warning is emitted separately and the none mode does not switch it off.
instead: Use `process.on('rejectionHandled', ...)` (a listener suppresses nothing here either) or simply attach handlers in time.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

var late = Promise.reject(new Error('late'));

// Timers run after the unhandled-rejection report, whatever the delay.
setTimeout(function () {
  late.catch(function (err) {
    console.log('caught late: ' + err.message);
  });
}, 1);

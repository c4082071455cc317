/*---
claim: 'Without listeners (under --unhandled-rejections=warn, so every version keeps running), a late `.catch` makes Node print PromiseRejectionHandledWarning "Promise rejection was handled asynchronously (rejection id: 1)" after the UnhandledPromiseRejectionWarning; the exit code is 0.'
source: https://nodejs.org/api/process.html#event-rejectionhandled
tags: [rejections, promise]
flags: [--unhandled-rejections=warn]
why: The warning for the unhandled rejection was already printed; when a handler shows up later, Node prints a second warning naming the same rejection id so the first one can be matched and discounted.
instead: Handle rejections in the same tick; do not rely on attaching `.catch` later.
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

/*---
claim: 'Without listeners (under --unhandled-rejections=warn, so every version keeps running), a late `.catch` makes Node print PromiseRejectionHandledWarning "Promise rejection was handled asynchronously (rejection id: 1)" after the UnhandledPromiseRejectionWarning; the exit code is 0.'
source: https://nodejs.org/api/process.html#event-rejectionhandled
tags: [rejections, promise]
flags: [--unhandled-rejections=warn]
why: The warning for the unhandled rejection was already printed; when a handler shows up later, Node prints a second warning naming the same rejection id so the first one can be matched and discounted.
instead: Handle rejections in the same tick; do not rely on attaching `.catch` later.
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}]
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

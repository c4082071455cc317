/*---
claim: A `.catch` attached after a rejection was already reported as unhandled still receives the error, and Node then emits `rejectionHandled` with the same Promise; with an `unhandledRejection` listener present nothing is printed and the exit code is 0.
source: https://nodejs.org/api/process.html#event-rejectionhandled
tags: [rejections, promise]
why: Node decides a rejection is unhandled once the microtask queue has drained after it, before any timer can run. A handler attached later is not too late for the Promise (it still delivers the error) but it is too late for the report, so Node emits `rejectionHandled` to say the earlier `unhandledRejection` is void.
instead: Attach handlers in the same tick as you create the Promise; if you must collect rejections for later, keep your own list and use `rejectionHandled` to remove them.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('unhandledRejection', function (reason) {
  console.log('unhandledRejection: ' + reason.message);
});
process.on('rejectionHandled', function (promise) {
  console.log('rejectionHandled, same promise: ' + (promise === late));
});

var late = Promise.reject(new Error('late'));

// A timer callback always runs after the unhandled-rejection report (which is made when the
// first round of microtasks drains), so 1 ms is enough; the delay length does not matter.
setTimeout(function () {
  late.catch(function (err) {
    console.log('caught late: ' + err.message);
  });
}, 1);

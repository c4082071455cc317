/*---
claim: "controller.abort(reason) sets signal.reason, but timers/promises still rejects with an AbortError, not with the reason; the reason is attached as err.cause."
source: https://nodejs.org/api/globals.html#abortcontrollerabortreason
tags: [abort, timers, promise]
node: '>=16.17 <17 || >=17.3'
why: Node's own APIs report every cancellation as an AbortError so callers can recognise it; the reason given to abort() travels as the error's cause. abort(reason) arrived in 17.2.0 (16.14.0), err.cause on these errors in 17.3.0 (16.17.0); in between, err.cause is undefined.
links: [https://github.com/nodejs/node/pull/40807, https://github.com/nodejs/node/pull/41008]
instead: Read err.cause (or signal.reason) to learn why an operation was cancelled.
---*/
var timers = require('timers/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var controller = new AbortController();
timers.setTimeout(60000, null, { signal: controller.signal }).then(
  function () {
    console.log('resolved');
  },
  function (err) {
    console.log('rejected: ' + err.name);
    console.log('err.cause: ' + err.cause);
    console.log('signal.reason: ' + controller.signal.reason);
  }
);
setTimeout(function () {
  controller.abort('shutting down');
}, 1);

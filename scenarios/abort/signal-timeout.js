/*---
claim: "A timers/promises setTimeout() given AbortSignal.timeout(20) rejects after about 20 ms with an AbortError; the signal's own reason is a DOMException named 'TimeoutError'."
source: https://nodejs.org/api/globals.html#static-method-abortsignaltimeoutdelay
tags: [abort, timers, promise]
node: '>=16.17 <17 || >=17.3'
why: AbortSignal.timeout() returns a signal that aborts itself with a TimeoutError. Consumers such as the promise timers report their cancellation as an AbortError and attach the signal's reason as its cause, so the TimeoutError is found on err.cause, not on err (err.cause is set from 17.3.0 and 16.17.0; 16.14-16.16 have the timeout signal but leave err.cause undefined).
instead: "To tell a timeout from a manual cancel, look at signal.reason (or err.cause where it is set), not at err.name."
links: [https://github.com/nodejs/node/pull/40899, https://github.com/nodejs/node/pull/41008]
---*/
var timers = require('timers/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var signal = AbortSignal.timeout(20);
timers.setTimeout(60000, null, { signal: signal }).then(
  function () {
    console.log('resolved');
  },
  function (err) {
    console.log('rejected: ' + err.name);
    console.log('err.cause: ' + (err.cause === undefined ? 'undefined' : err.cause.name));
    console.log('signal.reason: ' + signal.reason.name);
  }
);

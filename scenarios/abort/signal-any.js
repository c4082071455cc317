/*---
claim: "AbortSignal.any([manual, timeout]) aborts as soon as any of its signals does, with that signal's reason: here the manual abort after 1 ms wins over the 60-second timeout, and the pending timers/promises setTimeout() rejects with an AbortError."
source: https://nodejs.org/api/globals.html#static-method-abortsignalanysignals
tags: [abort, timers, promise]
node: '>=18.17 <19 || >=20.3'
why: AbortSignal.any combines cancellation sources (a user cancel, a deadline) into one signal, taking the reason of the first to abort. It arrived in 20.3.0 and 18.17.0 (not in 19).
links: [https://github.com/nodejs/node/pull/47821]
---*/
var timers = require('timers/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var manual = new AbortController();
var signal = AbortSignal.any([manual.signal, AbortSignal.timeout(60000)]);
timers.setTimeout(60000, null, { signal: signal }).then(
  function () {
    console.log('resolved');
  },
  function (err) {
    console.log('rejected: ' + err.name + ', reason: ' + signal.reason);
  }
);
setTimeout(function () {
  manual.abort('user cancelled');
}, 1);

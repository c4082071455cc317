/*---
claim: "setTimeout(fn, 2 ** 31) (about 24.9 days) does not wait: the delay is replaced by 1 ms, fn runs at once, and a TimeoutOverflowWarning on stderr says so. The process exits with code 0."
source: https://github.com/sindresorhus/delay/issues/57
tags: [diagnostics, timers, warnings]
why: Node keeps a timer's delay in a signed 32-bit integer; a delay above 2147483647 ms does not fit and is set to 1, with a warning since Node 6.
instead: For a delay longer than 24.8 days, chain shorter timers (or store the deadline and check it periodically).
links: [https://github.com/nodejs/node/issues/4541, https://nodejs.org/api/timers.html#settimeoutcallback-delay-args]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name);
});
var started = Date.now();
setTimeout(function () {
  // A wide margin: the timer must fire within a minute, where 2 ** 31 ms would be 24.9 days.
  console.log('fired within a minute: ' + (Date.now() - started < 60000));
}, Math.pow(2, 31));
console.log('scheduled');

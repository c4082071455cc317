/*---
claim: "setTimeout(fn, -5) runs fn as if the delay were 1 ms on every version; from Node 23 it also prints a TimeoutNegativeWarning on stderr, up to Node 22 nothing. The process exits with code 0."
source: https://github.com/isaacs/ttlcache/issues/33
tags: [diagnostics, timers, warnings]
why: A delay below 1 (negative, NaN, or over 2^31-1) has always been replaced by 1. Node 23 warns when the delay is negative, as it already did for one that overflows a 32-bit integer, so code that computes a delay from a deadline already passed now prints the warning.
instead: Clamp a computed delay yourself, Math.max(0, deadline - Date.now()).
links: [https://github.com/nodejs/node/pull/46678, https://nodejs.org/api/timers.html#settimeoutcallback-delay-args]
changes:
  - {in: '23.0.0', what: 'a negative delay prints a TimeoutNegativeWarning (the timer still runs after 1 ms)', link: 'https://github.com/nodejs/node/pull/46678'}
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name);
});
setTimeout(function () {
  console.log('negative timeout fired');
}, -5);
console.log('scheduled');

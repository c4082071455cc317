/*---
claim: "A for await loop over timers/promises setInterval() runs until its signal is aborted; the abort makes the loop throw an AbortError, which try/catch catches, and the interval stops (the process exits with code 0)."
source: https://nodejs.org/api/timers.html#timerspromisessetintervaldelay-value-options
tags: [abort, timers, promise, try-catch]
node: '>=15.9'
why: The promise interval is an async iterator; aborting its signal clears the interval and makes the pending next() reject.
instead: Break out of the loop, or abort and catch the AbortError, to stop the interval; otherwise it keeps the process alive for ever.
links: [https://github.com/nodejs/node/pull/35841]
---*/
var timers = require('timers/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var controller = new AbortController();
(async function () {
  var ticks = 0;
  try {
    for await (var value of timers.setInterval(1, 'tick', { signal: controller.signal })) {
      ticks++;
      console.log(value + ' ' + ticks);
      if (ticks === 3) controller.abort();
    }
  } catch (err) {
    console.log('caught: ' + err.name);
  }
})();

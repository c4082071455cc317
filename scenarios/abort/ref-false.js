/*---
claim: "An await on timers/promises setTimeout(50, value, { ref: false }) is abandoned: the unref'd timer does not keep the process alive, so it exits with code 0 and the line after the await never prints."
source: https://nodejs.org/api/timers.html#timerspromisessettimeoutdelay-value-options
tags: [abort, timers, promise, event-loop, handles]
node: '>=15'
why: "{ ref: false } is the promise form of timeout.unref(): the timer runs only if something else keeps the loop alive that long."
instead: Leave ref at its default (true) when the code after the await must run.
---*/
var timers = require('timers/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

(async function () {
  var value = await timers.setTimeout(50, 'done', { ref: false });
  console.log('after the await: ' + value);
})();

/*---
claim: Inside an I/O callback, a setImmediate callback always runs before a setTimeout(fn, 0) callback scheduled just before it (in the main module their order is not deterministic, so only the I/O case is claimed).
source: https://nodejs.org/api/timers.html#setimmediatecallback-args
tags: [timers, event-loop]
why: An I/O callback runs in the event loop's poll phase. The next phase is the check phase, where setImmediate callbacks run; timers, even those due at once, wait for the timers phase at the start of the next loop iteration. From the main module the loop has not started yet, so which comes first depends on whether 1 ms has passed when the loop first checks its timers, and that varies from run to run.
instead: If one callback must run after another, chain them (call the second from the first, or await a Promise) instead of relying on the order of setImmediate and setTimeout.
links: [https://nodejs.org/en/learn/asynchronous-work/event-loop-timers-and-nexttick, https://nodejs.org/api/timers.html#settimeoutcallback-delay-args]
---*/
var fs = require('fs');

// Three rounds, one after another, each from inside an fs callback: every round must print
// `immediate` before `timeout`. The rounds are sequential so no two I/O callbacks share a poll phase.
var round = 0;
function next() {
  round++;
  if (round > 3) return;
  fs.readFile(__filename, function () {
    var r = round;
    setTimeout(function () {
      console.log('round ' + r + ': timeout');
      next();
    }, 0);
    setImmediate(function () {
      console.log('round ' + r + ': immediate');
    });
  });
}
next();

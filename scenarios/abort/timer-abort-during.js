/*---
claim: "Aborting the signal while a timers/promises setTimeout() is pending rejects its Promise with an AbortError and clears the timer: the 60-second timer no longer holds the event loop, and the process exits with code 0 right after the abort."
source: https://nodejs.org/api/timers.html#timerspromisessettimeoutdelay-value-options
tags: [abort, timers, promise, event-loop]
node: '>=15'
why: On abort, the promise timer clears its underlying Timeout before rejecting, so an aborted wait costs nothing and keeps nothing alive.
changes: [{in: '15.4.0', what: 'AbortController is no longer experimental: no ExperimentalWarning on stderr', link: 'https://nodejs.org/api/globals.html#class-abortcontroller'}]
---*/
var timers = require('timers/promises');

process.on('exit', function (code) {
  console.log('exit ' + code + ' after less than the delay: ' + (Date.now() - started < 60000));
});

var started = Date.now();
var controller = new AbortController();
timers.setTimeout(60000, 'value', { signal: controller.signal }).then(
  function (value) {
    console.log('resolved: ' + value);
  },
  function (err) {
    console.log('rejected: ' + err.name);
  }
);
setTimeout(function () {
  controller.abort();
  console.log('aborted');
}, 1);

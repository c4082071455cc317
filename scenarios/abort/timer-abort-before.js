/*---
claim: "The Promise from timers/promises setTimeout() with an already-aborted signal rejects at once with an AbortError (name 'AbortError', code 'ABORT_ERR'), without waiting for the delay; caught, the process exits with code 0."
source: https://nodejs.org/api/timers.html#timerspromisessettimeoutdelay-value-options
tags: [abort, timers, promise, try-catch]
node: '>=15'
why: The promise timers check the signal before creating the timer; an aborted signal means no timer is ever scheduled.
instead: Check error.name === 'AbortError' (or error.code === 'ABORT_ERR') in the catch to tell a cancellation from a failure.
changes: [{in: '15.4.0', what: 'AbortController is no longer experimental: no ExperimentalWarning on stderr', link: 'https://nodejs.org/api/globals.html#class-abortcontroller'}, {in: '15.4.0', what: 'the rejection is an AbortError with code ABORT_ERR instead of a DOMException with code 20', link: 'https://github.com/nodejs/node/pull/36317'}]
---*/
var timers = require('timers/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var controller = new AbortController();
controller.abort();
var started = Date.now();
timers.setTimeout(60000, 'value', { signal: controller.signal }).then(
  function (value) {
    console.log('resolved: ' + value);
  },
  function (err) {
    console.log('rejected: ' + err.name + ' ' + err.code + ', waited less than the delay: ' + (Date.now() - started < 60000));
  }
);

/*---
claim: "An AbortError from an aborted timers/promises setTimeout() that nobody catches is an unhandled rejection like any other: the process exits with code 1 and prints 'AbortError: The operation was aborted' with its code 'ABORT_ERR'; the code after the await never runs."
source: https://nodejs.org/api/timers.html#timerspromisessettimeoutdelay-value-options
tags: [abort, timers, promise, rejections, exit]
node: '>=15'
why: A cancellation is reported as a rejection, and an await without try/catch turns it into an unhandled one. Since Node 15 unhandled rejections are fatal, so a routine cancellation crashes the process.
instead: Catch around every await on an abortable operation and ignore errors whose name is 'AbortError'.
changes: [{in: '15.4.0', what: 'AbortController is no longer experimental: no ExperimentalWarning on stderr', link: 'https://nodejs.org/api/globals.html#class-abortcontroller'}, {in: '15.4.0', what: 'timers/promises rejects with an AbortError (code ABORT_ERR) instead of a DOMException [AbortError]', link: 'https://github.com/nodejs/node/pull/36317'}, {in: '16.17.0', what: 'the AbortError carries the signal reason as [cause], shown in the crash report (17.3.0, backported to 16.17.0)', link: 'https://github.com/nodejs/node/pull/41008'}, {in: '17.3.0', what: 'the same on the 17.x line: the AbortError carries the signal reason as [cause]', link: 'https://github.com/nodejs/node/pull/41008'}]
---*/
var timers = require('timers/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var controller = new AbortController();
setTimeout(function () {
  controller.abort();
}, 1);

(async function () {
  await timers.setTimeout(60000, null, { signal: controller.signal });
  console.log('after the await');
})();

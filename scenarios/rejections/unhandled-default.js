/*---
claim: A rejected Promise nobody handles, with no flag and no handler, is a warning and exit code 0 before Node 15 (a later timer still runs); from Node 15 on it crashes the process with the error's stack and exit code 1 before the timer runs.
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
why: When the microtask queue drains and a rejected Promise still has no handler, Node reports it. Up to 14 the report was a warning (plus a deprecation notice promising a change); in 15 the default mode became `throw`, which raises the rejection as an uncaught exception when no `unhandledRejection` listener exists.
instead: Attach a `.catch` (or `await` inside `try/catch`) to every Promise you create; treat a process-level `unhandledRejection` listener as a last-resort logger, not as error handling.
links: [https://nodejs.org/api/process.html#event-unhandledrejection, https://nodejs.org/api/deprecations.html#DEP0018]
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '15.0.0', what: 'default mode became throw: an unhandled rejection crashes the process with exit code 1 instead of printing a warning and exiting 0', link: 'https://github.com/nodejs/node/pull/33021'}]
explains: {crash-rejection: 1, rejection-warned: 1}
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

Promise.reject(new Error('boom'));

// Runs only if the rejection did not end the process.
setTimeout(function () {
  console.log('timer ran');
}, 1);

/*---
claim: With --unhandled-rejections=warn an unhandled rejection prints UnhandledPromiseRejectionWarning (without the DEP0018 deprecation notice) and the process goes on and exits with code 0 on every Node version.
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=warn]
why: warn only prints a warning; it is the pre-15 default minus the deprecation notice.
links: [https://nodejs.org/api/process.html#event-unhandledrejection]
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}]
explains: {rejection-warned: 2}
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

Promise.reject(new Error('boom'));

// Runs only if the rejection did not end the process.
setTimeout(function () {
  console.log('timer ran');
}, 1);

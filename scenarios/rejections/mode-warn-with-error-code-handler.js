/*---
claim: 'With --unhandled-rejections=warn-with-error-code (Node 14.5+) an unhandledRejection listener takes the rejection: no warning, exit code 0; Node before 14.5 refuses to start (exit code 9).'
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=warn-with-error-code]
why: The warning and the exit code 1 only happen when no listener handled the rejection.
changes: [{in: '14.5.0', what: 'the throw and warn-with-error-code modes were added; before, Node refuses to start with "invalid value for --unhandled-rejections" (exit code 9)', link: 'https://github.com/nodejs/node/pull/33475'}]
links: [https://nodejs.org/api/process.html#event-unhandledrejection]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

process.on('unhandledRejection', function (reason) {
  console.log('unhandledRejection: ' + reason.message);
});

Promise.reject(new Error('boom'));

// Runs only if the rejection did not end the process.
setTimeout(function () {
  console.log('timer ran');
}, 1);

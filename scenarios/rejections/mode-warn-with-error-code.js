/*---
claim: With --unhandled-rejections=warn-with-error-code (Node 14.5+) an unhandled rejection prints the warning, lets the process run on (the timer runs) and sets the exit code to 1; Node before 14.5 refuses to start (exit code 9).
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=warn-with-error-code]
why: warn-with-error-code sets process.exitCode = 1 when nobody listens, so the process finishes its work but reports failure.
changes: [{in: '14.5.0', what: 'the throw and warn-with-error-code modes were added; before, Node refuses to start with "invalid value for --unhandled-rejections" (exit code 9)', link: 'https://github.com/nodejs/node/pull/33475'}]
links: [https://nodejs.org/api/process.html#event-unhandledrejection]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

Promise.reject(new Error('boom'));

// Runs only if the rejection did not end the process.
setTimeout(function () {
  console.log('timer ran');
}, 1);

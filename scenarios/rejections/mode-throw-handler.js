/*---
claim: 'With --unhandled-rejections=throw (Node 14.5+) an unhandledRejection listener takes the rejection: it runs, nothing is printed on stderr, the timer runs and the exit code is 0; Node before 14.5 refuses to start (exit code 9).'
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=throw]
why: In throw mode a listener for unhandledRejection counts as handling the rejection, so it is never raised as an exception.
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

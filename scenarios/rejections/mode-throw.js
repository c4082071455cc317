/*---
claim: With --unhandled-rejections=throw (Node 14.5+) an unhandled rejection with no listener crashes the process with exit code 1; Node before 14.5 does not know the mode and refuses to start (exit code 9).
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=throw]
why: throw emits unhandledRejection and, when nobody listens, raises the rejection as an uncaught exception. It is the default from Node 15 on.
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

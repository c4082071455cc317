/*---
claim: 'With --unhandled-rejections=strict an unhandledRejection listener does not help: the rejection is raised as an uncaught exception first, the process crashes with exit code 1 and the listener never runs.'
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=strict]
why: strict goes to uncaughtException before it would emit unhandledRejection; only an uncaughtException listener can stop the crash (then unhandledRejection is emitted).
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

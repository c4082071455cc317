/*---
claim: With --unhandled-rejections=none an unhandledRejection listener still runs; nothing is printed on stderr and the exit code is 0.
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=none]
why: Every mode emits unhandledRejection when a listener exists (strict only after an uncaughtException listener handled it); none just prints nothing itself.
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

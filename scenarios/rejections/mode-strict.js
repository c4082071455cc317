/*---
claim: With --unhandled-rejections=strict an unhandled rejection crashes the process with exit code 1 on every Node version, before a pending timer runs.
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=strict]
why: strict raises the rejection as an uncaught exception at once, whatever the Node version's default mode is.
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

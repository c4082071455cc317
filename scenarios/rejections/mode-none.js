/*---
claim: 'With --unhandled-rejections=none an unhandled rejection is silent: nothing on stderr, the timer runs, exit code 0, on every Node version.'
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=none]
why: none silences the warning; the error simply disappears.
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

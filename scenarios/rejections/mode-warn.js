/*---
claim: With --unhandled-rejections=warn an unhandled rejection prints UnhandledPromiseRejectionWarning (without the DEP0018 deprecation notice) and the process goes on and exits with code 0 on every Node version.
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=warn]
why: warn only prints a warning; it is the pre-15 default minus the deprecation notice.
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

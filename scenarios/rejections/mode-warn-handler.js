/*---
claim: 'With --unhandled-rejections=warn the warning is printed even when an unhandledRejection listener exists: the listener runs, stderr still shows UnhandledPromiseRejectionWarning, exit code 0.'
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
flags: [--unhandled-rejections=warn]
why: warn always warns, whether or not a listener took the rejection; the listener cannot silence it.
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

/*---
claim: 'A Promise rejected with a non-Error value (a string) and left unhandled crashes Node 15+ with an `[UnhandledPromiseRejection: ...]` error naming the value, exit code 1; before 15 it is a warning quoting the value, exit code 0.'
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
why: To raise a non-Error reason as an uncaught exception, Node wraps it in an error of its own (code ERR_UNHANDLED_REJECTION) whose message includes the value, since a string has no stack to print.
instead: Reject with Error objects so a stack trace shows where the failure started.
changes: [{in: '15.0.0', what: 'default mode became throw: the rejection is raised as an ERR_UNHANDLED_REJECTION error (exit code 1) instead of a warning', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

Promise.reject('just a string');

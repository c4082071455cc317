/*---
claim: 'A Promise rejected with a non-Error value (a string) and left unhandled crashes Node 15+ with an UnhandledPromiseRejection error (code ERR_UNHANDLED_REJECTION) whose message names the value, exit code 1; before 15 it is a warning quoting the value, exit code 0. How that error is printed depends on the release: without a stack, as `[UnhandledPromiseRejection: ...] {`, up to 20.14.0, in all of 21.x and up to 22.1.0; with a stack, as `UnhandledPromiseRejection: ...`, from 20.15.0, 22.2.0 and 23.0.0.'
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [rejections, promise, exit]
why: To raise a non-Error reason as an uncaught exception, Node wraps it in an error of its own (code ERR_UNHANDLED_REJECTION) whose message includes the value, since a string has no stack to print. Older releases built that error without any stack frames, and util.inspect prints an error with no frames in square brackets. Since a 2024 rewrite of the rejection loop it is an instance of a small class created with a normal stack (frames inside Node's own promise code, none in yours), so it prints like any other error, name first, stack below.
instead: Reject with Error objects so a stack trace shows where the failure started.
links: [https://github.com/nodejs/node/pull/52108]
changes:
  - { in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564' }
  - { in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564' }
  - { in: '15.0.0', what: 'default mode became throw: the rejection is raised as an ERR_UNHANDLED_REJECTION error (exit code 1) instead of a warning', link: 'https://github.com/nodejs/node/pull/33021' }
  - { in: '20.15.0', what: 'backport of "process: improve event-loop": the ERR_UNHANDLED_REJECTION error now has a stack, so stderr shows `UnhandledPromiseRejection: ...` and stack frames instead of `[UnhandledPromiseRejection: ...] {`', link: 'https://github.com/nodejs/node/pull/52108' }
  - { never: '21', what: 'no 21.x release got "process: improve event-loop" (observed on 21.7.3, the last release of the line), so 21.x prints the stackless `[UnhandledPromiseRejection: ...] {` form, like 20.14.0 and earlier', link: 'https://github.com/nodejs/node/pull/52108' }
  - { in: '22.2.0', what: '"process: improve event-loop" lands in 22.x (and is in every release from 23.0.0 on): the error has a stack and prints as `UnhandledPromiseRejection: ...` with stack frames', link: 'https://github.com/nodejs/node/pull/52108' }
explains: {crash-rejection: 3}
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

Promise.reject('just a string');

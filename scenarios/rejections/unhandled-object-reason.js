/*---
claim: "A Promise rejected with a plain object ({ code: 42, detail: 'disk full' }) and left unhandled crashes Node 15+ with ERR_UNHANDLED_REJECTION, exit code 1; before 15 it is a warning, exit code 0. Either way Node names the reason only as \"#<Object>\": neither its fields nor their values are printed (Bun and Deno print them)."
source: https://github.com/nodejs/node/issues/43326
tags: [rejections, promise, exit]
why: To report a reason that is not an Error, Node converts it to a string for its message (the crash's error, or the warning's text), and a plain object becomes "#<Object>". Only an Error reason gets its stack and properties printed.
instead: Reject with Error objects (attach the details as properties or as cause), and add a process 'unhandledRejection' listener that logs the reason with util.inspect.
links: [https://github.com/facundoolano/aso/issues/44, https://nodejs.org/api/process.html#event-unhandledrejection]
changes:
  - { in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with advice to use `--unhandled-rejections=strict` (13.x got it in 13.5.0)', link: 'https://github.com/nodejs/node/pull/30564' }
  - { in: '13.5.0', what: 'the same advice on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564' }
  - { in: '15.0.0', what: 'default mode became throw: the rejection is raised as an ERR_UNHANDLED_REJECTION error (exit code 1) instead of a warning', link: 'https://github.com/nodejs/node/pull/33021' }
  - { in: '20.15.0', what: 'backport of "process: improve event-loop": the ERR_UNHANDLED_REJECTION error has a stack, so it prints as `UnhandledPromiseRejection: ...` with frames instead of `[UnhandledPromiseRejection: ...] {`', link: 'https://github.com/nodejs/node/pull/52108' }
  - { never: '21', what: 'no 21.x release got it: the stackless `[UnhandledPromiseRejection: ...] {` form', link: 'https://github.com/nodejs/node/pull/52108' }
  - { in: '22.2.0', what: 'the error has a stack on the 22.x line too', link: 'https://github.com/nodejs/node/pull/52108' }
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
Promise.reject({ code: 42, detail: 'disk full' });

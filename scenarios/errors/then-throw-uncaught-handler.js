/*---
claim: A throw inside `.then` reaches an `uncaughtException` listener (with origin `unhandledRejection`) only from Node 15; before, the listener is not called and the rejection only prints a warning. Either way the process exits 0.
source: https://nodejs.org/api/process.html#event-uncaughtexception; https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [errors, promise, rejections, uncaughtException, exit]
why: "Under the `throw` mode (the default from 15.0.0) an unhandled rejection with no `unhandledRejection` listener is raised as an uncaught exception, so `uncaughtException` listeners see it, with the second argument `origin` set to `unhandledRejection`. Under the older `warn` default the rejection never became an exception."
instead: Listen for `unhandledRejection` explicitly if you mean to see rejections, or handle every promise.
links: [https://nodejs.org/api/process.html#event-unhandledrejection]
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '15.0.0', what: 'unhandled rejections are raised as uncaught exceptions (origin unhandledRejection) instead of printing a warning', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('uncaughtException', function (err, origin) {
  console.log('uncaughtException 발생 : ' + err + ' (' + origin + ')');
});
Promise.resolve().then(function () {
  throw new Error('오류 핸들링 테스트');
});

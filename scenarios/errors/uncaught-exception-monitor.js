/*---
claim: A `process.on('uncaughtExceptionMonitor')` listener sees the uncaught error and its origin, but does not stop the crash; the process still exits with code 1 and prints the error.
source: https://nodejs.org/api/process.html#event-uncaughtexceptionmonitor
tags: [errors, uncaughtException, exit]
node: '>=12.17.0 <13 || >=13.7.0'
why: "`uncaughtExceptionMonitor` is emitted just before Node decides what to do with an uncaught exception, for monitoring tools that want to record it without changing the outcome. Unlike `uncaughtException`, adding a listener does not count as handling the error. The event exists from 13.7.0 and 12.17.0 on."
instead: Use it in APM/logging code so that the application's own crash behaviour stays as it is.
links: [https://nodejs.org/api/process.html#event-uncaughtexceptionmonitor]
changes: [{in: '12.17.0', what: 'the uncaughtExceptionMonitor event exists (backported to the 12 line)', link: 'https://github.com/nodejs/node/pull/31257'}, {in: '13.7.0', what: 'the uncaughtExceptionMonitor event was added', link: 'https://github.com/nodejs/node/pull/31257'}, {in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('uncaughtExceptionMonitor', function (err, origin) {
  console.log('monitor: ' + err + ' (' + origin + ')');
});
setTimeout(function () {
  throw new Error('오류 핸들링 테스트');
}, 5);

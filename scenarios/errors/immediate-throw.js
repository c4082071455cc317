/*---
claim: A throw inside a `setImmediate` callback escapes a `try/catch` around the `setImmediate` call; the script's last line still prints, then the process crashes with exit code 1 and the `exit` event fires with code 1.
source: seeds/003_43754586e9320e59.txt (비동기 코드), with setImmediate in place of setTimeout
tags: [article, errors, try-catch, event-loop, uncaughtException, exit]
why: "`setImmediate` queues the callback for the check phase of the event loop, after the main script has finished. By then the `try` block is long gone: nothing on the callback's stack can catch the error."
instead: Catch inside the callback.
links: [https://nodejs.org/api/timers.html#setimmediatecallback-args]
changes: [{in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
explains: {crash-immediate: 1}
---*/
try {
  setImmediate(function () {
    throw new Error('오류 핸들링 테스트');
  });
} catch (exception) {
  console.log('caught: ' + exception.message);
}
console.log('end of script');

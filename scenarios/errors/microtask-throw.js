/*---
claim: A throw inside a `queueMicrotask` callback escapes a `try/catch` around the call and is an uncaught exception (not a promise rejection); the process crashes with exit code 1 and the `exit` event fires with code 1.
source: seeds/003_43754586e9320e59.txt (비동기 코드), with queueMicrotask in place of setTimeout; https://nodejs.org/api/globals.html#queuemicrotaskcallback
tags: [article, errors, try-catch, promise, uncaughtException, exit]
why: "A microtask runs after the current stack has unwound, so the surrounding `try` is gone. Unlike a `.then` callback, a `queueMicrotask` callback has no promise to reject: Node reports what it throws as an uncaught exception straight away, on every version."
instead: Catch inside the callback.
links: [https://nodejs.org/api/globals.html#queuemicrotaskcallback]
changes: [{in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
explains: {crash-microtask: 1}
---*/
try {
  queueMicrotask(function () {
    throw new Error('오류 핸들링 테스트');
  });
} catch (exception) {
  console.log('caught: ' + exception.message);
}
console.log('end of script');

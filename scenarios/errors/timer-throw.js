/*---
claim: "A throw inside a `setTimeout` callback is not caught by a `try/catch` around the `setTimeout` call; the process crashes with exit code 1, prints the throwing line and `Error: 오류 핸들링 테스트` on stderr, and the `exit` event still fires with code 1."
source: seeds/003_43754586e9320e59.txt (비동기 코드)
tags: [article, errors, try-catch, timers, uncaughtException, exit]
why: "`setTimeout` only registers the callback and returns; the `try` block ends at once. When the timer fires, the callback runs from the event loop on a fresh call stack that has no `try` in it, so the error is uncaught: Node prints it and exits with code 1 (after running the `exit` listeners)."
instead: Put the try/catch inside the callback, or use a promise-based timer (`await setTimeout(...)` from timers/promises) inside an async function with try/catch.
links: [https://nodejs.org/api/process.html#event-uncaughtexception, https://nodejs.org/api/process.html#exit-codes]
changes: [{in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
explains: {crash-timer: 1, crash-timer-other-file: 2, crash-timer-in-try: 1, crash-callback: 1}
---*/
try {
  setTimeout(function () {
    throw new Error('오류 핸들링 테스트');
  }, 5);
} catch (exception) {
  console.log(exception);
}

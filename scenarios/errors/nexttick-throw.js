/*---
claim: A throw inside a `process.nextTick` callback escapes a `try/catch` around the `nextTick` call, even though it runs before any I/O or timer; the script's last line prints first, then the process crashes with exit code 1 and the `exit` event fires with code 1.
source: seeds/003_43754586e9320e59.txt (비동기 코드), with process.nextTick in place of setTimeout
tags: [article, errors, try-catch, event-loop, uncaughtException, exit]
why: "`process.nextTick` runs its callback as soon as the current JavaScript stack has unwound, which is soon, but still after the `try` block and the rest of the script have finished. Soon is not the same as synchronous: the callback's stack has no `try`."
instead: Catch inside the callback.
links: [https://nodejs.org/api/process.html#processnexttickcallback-args]
changes: [{in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
explains: {crash-nexttick: 1}
---*/
try {
  process.nextTick(function () {
    throw new Error('오류 핸들링 테스트');
  });
} catch (exception) {
  console.log('caught: ' + exception.message);
}
console.log('end of script');

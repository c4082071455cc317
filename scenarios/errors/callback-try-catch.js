/*---
claim: "A `try/catch` inside the `setTimeout` callback catches the throw; `console.log(exception)` prints `Error: 오류 핸들링 테스트` and its stack, and the process exits 0."
source: seeds/003_43754586e9320e59.txt (비동기 코드, 해결 방법)
tags: [article, errors, try-catch, timers]
why: "The inner `try` is on the same call stack as the `throw`: both run inside the timer callback. The outer `try` around `setTimeout` still catches nothing, but it does no harm."
instead: This is the safe pattern for callback code; for promises, use async functions with try/catch around `await`.
links: [https://nodejs.org/api/errors.html#error-propagation-and-interception]
explains: {crash-timer: 2, crash-timer-other-file: 3, crash-timer-in-try: 2, crash-callback: 2}
---*/
try {
  setTimeout(function () {
    try {
      throw new Error('오류 핸들링 테스트');
    } catch (exception) {
      console.log(exception);
    }
  }, 5);
} catch (exception) {
  console.log(exception);
}

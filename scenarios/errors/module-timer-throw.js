/*---
claim: When a required module (say.js) throws from its own timer, the caller's `try/catch` around `say.hello()` cannot help; `Hello! I'm module!` prints, then the process crashes with exit code 1, the report pointing at say.js.
source: seeds/003_43754586e9320e59.txt (module 에서 발생한 에러에 대한 접근)
tags: [article, errors, try-catch, modules, timers, uncaughtException, exit]
why: "`say.hello()` returns normally after scheduling its timer and printing; the `try` around it sees no error. The throw happens later on the timer's own stack, where only the process-wide uncaughtException machinery can see it. Which file the code lives in changes nothing."
instead: A module that does asynchronous work should report errors through a callback, an `error` event or a rejected promise, never by throwing from a timer.
links: [https://nodejs.org/api/errors.html#error-first-callbacks]
changes: [{in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
explains: {crash-timer-other-file: 1}
---*/
// 메인(index.js); the module is ./_say.js (the article's say.js).
var say = require('./_say.js');
try {
  say.hello();
} catch (exception) {
  console.log(exception);
}

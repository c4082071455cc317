/*---
claim: "With `process.on('uncaughtException', ...)` the throw from say.js's timer does not crash the process; it prints `Hello! I'm module!` then `uncaughtException 발생 : Error: 오류 핸들링 테스트`, and exits 0."
source: seeds/003_43754586e9320e59.txt (uncaughtException)
tags: [article, errors, uncaughtException, modules, exit]
why: "When an exception reaches the event loop uncaught, Node emits `uncaughtException` on `process`; if anyone listens, Node does not print or exit but goes on with the event loop. The listener gets the Error; `'...' + err` calls `err.toString()`, which is `Error: <message>` without the stack. Node's docs warn that the process is then in an undefined state: use the event to log and clean up synchronously, then exit, and let a supervisor restart it."
instead: Log, release what you must, then `process.exit(1)`; restart from outside (systemd, a container, a cluster primary).
links: [https://nodejs.org/api/process.html#event-uncaughtexception, https://nodejs.org/api/process.html#warning-using-uncaughtexception-correctly]
explains: {crash-handled: 1}
---*/
// 메인(index.js); the module is ./_say.js (the article's say.js).
process.on('uncaughtException', function (err) {
  // 예상치 못한 예외 처리
  console.log('uncaughtException 발생 : ' + err);
});
var say = require('./_say.js');
try {
  say.hello();
} catch (exception) {
  console.log(exception);
}

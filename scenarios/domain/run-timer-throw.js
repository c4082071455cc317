/*---
claim: A throw from a timer started by another module inside domain.run() reaches the domain's 'error' listener instead of crashing; the process prints the article's two lines and exits with code 0, firing the exit event.
source: seeds/003_43754586e9320e59.txt (도메인(Domain), index.js with say.js)
tags: [article, domain, errors, timers, try-catch]
why: >-
  domain.run() makes the domain active while the function runs, and every asynchronous resource created then (here the module's setTimeout) remembers it. When the timer callback throws, Node finds no try/catch on the stack, sees that the callback belongs to a domain with an 'error' listener and hands the error to it instead of treating it as uncaught. The try/catch around say.hello() never sees the error: it was already gone when the timer fired. Note on the article: its text gives this example's output as `Hello! I'm module! uncaughtException 발생 : Error: 오류 핸들링 테스트`, the output of its previous, uncaughtException example; this code has no uncaughtException listener and cannot print `uncaughtException 발생`. Its domain's 'error' listener prints `에러 발생 : Error: 오류 핸들링 테스트`, and that is what the claim asserts.
instead: Prefer errors that travel as values (callbacks' first argument, rejected promises) and handle them where the work was started; treat a domain (or uncaughtException) as a last-resort logger before a restart.
links: [https://nodejs.org/api/domain.html]
---*/
// 메인(index.js), the article's code.
process.on('exit', function (code) {
  console.log('exit event: ' + code);
});

var domain = require('domain').create();
var say = require('./_say.js');

// 도메인 내에서 발생한 에러는 여기에서 핸들링한다.
domain.on('error', function (err) {
  console.log('에러 발생 : ' + err);
});

// run 메서드를 통해 domain context 내에서 로직이 실행되게 할 수 있다.
domain.run(function () {
  try {
    say.hello();
  } catch (exception) {
    console.log(exception);
  }
});

// 모듈(say.js), from seeds/003_43754586e9320e59.txt; the article's 2000 ms timer shortened to 5 ms.
// Not a scenario (leading underscore): required by errors/module-timer-throw and errors/uncaught-exception-handler.
exports.hello = function () {
  setTimeout(function () {
    throw new Error('오류 핸들링 테스트');
  }, 5);
  console.log('Hello! I\'m module!');
};

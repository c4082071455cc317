// The article's module (say.js): prints a line now and throws from a timer later, where no
// try/catch of the caller can reach. The article waits 2 s; a few ms show the same thing.
exports.hello = function () {
  setTimeout(function () {
    throw new Error('오류 핸들링 테스트');
  }, 5);
  console.log('Hello! I\'m module!');
};

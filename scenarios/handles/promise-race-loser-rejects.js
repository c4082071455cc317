/*---
claim: "With a timeout helper that rejects, await Promise.race([work, timeout(300)]) is won by the work; 300 ms later the losing timeout rejects, and that rejection is neither a crash nor a warning on any version: Promise.race() handled it. The process waits for the timer, then exits with code 0."
source: https://github.com/nodejs/node/issues/37683
tags: [handles, promise, rejections, timers]
why: "Promise.race() subscribes to every promise it is given (it calls then() on each with its own resolve and reject functions), and that subscription stays after the race is decided: the loser's later rejection calls a reject function that no longer does anything, but it counts as a handler, so Node never reports it. What the losing timeout does cost is its timer, which keeps the process alive until it fires (handles/promise-race-timer-keeps-alive)."
instead: "Nothing to fear from the loser's rejection; clear its timer once the race is decided (clearTimeout in a finally) so the process does not wait for it."
links: [https://github.com/vitalets/await-timeout/issues/12, https://tc39.es/ecma262/#sec-promise.race]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

function timeout(ms) {
  return new Promise(function (resolve, reject) {
    setTimeout(function () {
      console.log('the losing timeout rejects now');
      reject(new Error('timed out after ' + ms + ' ms'));
    }, ms);
  });
}

(async function () {
  var result = await Promise.race([Promise.resolve('work done'), timeout(300)]);
  console.log('race won by: ' + result);
})();

/*---
claim: "await Promise.race([work, timeout(500)]) goes on as soon as the work settles, but the losing timeout's timer still keeps the process alive: the timer's callback runs 500 ms later, after the race was won, and only then does the process exit with code 0."
source: https://github.com/nodejs/node/issues/37683
tags: [handles, promise, timers, event-loop]
why: "Promise.race() only stops listening to the promises that lost; it cannot cancel them, and a promise has no way to stop the timer behind it. The setTimeout inside the timeout helper is an ordinary ref'd timer, so the loop waits for it like any other, however long it is (the reports saw scripts hang for the whole 5 s or 30 s of their timeouts)."
instead: "Clear the timer once the race is decided (keep its id and call clearTimeout in a finally), unref() it, or use AbortSignal.timeout(), whose timer does not keep the process alive."
links: [https://github.com/Azure/AppConfiguration-JavaScriptProvider/pull/144, https://github.com/hyperlane-xyz/hyperlane-monorepo/pull/2084, https://github.com/building5/promise-timeout/issues/1]
---*/
process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

// The usual helper, here resolving (not rejecting) so that only the timer's hold on the loop is observed
// (a rejecting one is handles/promise-race-loser-rejects).
function timeout(ms) {
  return new Promise(function (resolve) {
    setTimeout(function () {
      console.log('the losing timer fired');
      resolve('timed out');
    }, ms);
  });
}

(async function () {
  var result = await Promise.race([Promise.resolve('work done'), timeout(500)]);
  console.log('race won by: ' + result);
})();

/*---
claim: "AbortSignal.timeout()'s timer does not keep the process alive: an await on its 'abort' event alone is abandoned, the process exits with code 0 before the signal aborts, and the line after the await never prints."
source: https://nodejs.org/api/globals.html#static-method-abortsignaltimeoutdelay
tags: [abort, timers, promise, event-loop, handles]
node: '>=16.14 <17 || >=17.3'
links: [https://github.com/nodejs/node/pull/40899]
why: The documentation says the timeout signal's timer is unref'd, so that an unused timeout signal never delays exit. Waiting for the signal by itself is therefore waiting on a Promise with no handle behind it.
instead: Wait for the operation the signal cancels (which holds its own handle), not for the signal; or use a ref'd timer when the delay itself is what you need.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code + ', signal aborted: ' + signal.aborted);
});

var signal = AbortSignal.timeout(100);
(async function () {
  await new Promise(function (resolve) {
    signal.addEventListener('abort', resolve);
  });
  console.log('after the await');
})();

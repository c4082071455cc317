/*---
claim: An uncaughtException listener called for an error thrown in a timer started inside als.run() can read that run's store (getStore() returns it) on every Node version that has AsyncLocalStorage; the process then carries on, exit code 0.
source: https://nodejs.org/api/async_context.html#class-asynclocalstorage
tags: [async-context, uncaughtException, errors, timers]
node: '>=12.17 <13 || >=13.10'
why: The exception is reported while the timer's callback is still the current asynchronous resource, so the store that timer inherited is still current in the listener. That lets a last-resort handler say which request failed, though it still cannot safely resume it.
instead: Log the store's request id in the handler, then shut down gracefully.
---*/
var AsyncLocalStorage = require('async_hooks').AsyncLocalStorage;
var als = new AsyncLocalStorage();

process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('uncaughtException', function (err) {
  var store = als.getStore();
  console.log('uncaughtException (' + err.message + '), store: ' + (store ? store.id : 'undefined'));
});

als.run({ id: 'req-1' }, function () {
  setTimeout(function () {
    throw new Error('timer');
  }, 1);
});

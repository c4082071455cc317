/*---
claim: "AsyncLocalStorage.snapshot() captures the current context of every AsyncLocalStorage and returns a runner: runner(fn) runs fn in the captured context, even when called later from outside any run() or inside another one."
source: https://nodejs.org/api/async_context.html#static-method-asynclocalstoragesnapshot
tags: [async-context]
node: '>=18.16 <19 || >=19.8'
why: "snapshot() is bind() for many functions at once: a queue can take one snapshot when work is enqueued and run each job in it later."
---*/
var asyncHooks = require('async_hooks');
var als = new asyncHooks.AsyncLocalStorage();

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var runInRequest;
als.run({ request: 1 }, function () {
  runInRequest = asyncHooks.AsyncLocalStorage.snapshot();
});

setTimeout(function () {
  console.log('outside: ' + JSON.stringify(als.getStore()));
  console.log('runner: ' + runInRequest(function () {
    return JSON.stringify(als.getStore());
  }));
  als.run({ request: 2 }, function () {
    console.log('inside run 2, runner: ' + runInRequest(function () {
      return JSON.stringify(als.getStore());
    }) + ', after it: ' + JSON.stringify(als.getStore()));
  });
}, 1);

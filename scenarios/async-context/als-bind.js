/*---
claim: "AsyncLocalStorage.bind(fn) fixes fn to the context it was bound in: called later from a timer outside any run(), or from inside another run(), it still sees the store of the run() where it was bound."
source: https://nodejs.org/api/async_context.html#static-method-asynclocalstoragebindfn
tags: [async-context]
node: '>=18.16 <19 || >=19.8'
why: Callbacks handed to code that queues them itself (a connection pool, a batching library) run in the context of whoever calls them, not of whoever registered them. bind() captures the registering context.
instead: Bind callbacks you give to code that keeps them for later; or use AsyncResource.bind for one callback.
---*/
var asyncHooks = require('async_hooks');
var als = new asyncHooks.AsyncLocalStorage();

process.on('exit', function (code) {
  console.log('exit ' + code);
});

function report(where) {
  console.log(where + ': store is ' + JSON.stringify(als.getStore()));
}

var bound;
var unbound;
als.run({ request: 1 }, function () {
  bound = asyncHooks.AsyncLocalStorage.bind(function () {
    report('bound');
  });
  unbound = function () {
    report('not bound');
  };
});

setTimeout(function () {
  bound();
  unbound();
  als.run({ request: 2 }, function () {
    bound();
    unbound();
  });
}, 1);

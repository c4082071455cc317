/*---
claim: An unhandledRejection listener reads the store of the als.run() in which the Promise was rejected from Node 15.9 on; before 15.9 getStore() returns undefined there.
source: https://github.com/nodejs/node/issues/37244
tags: [async-context, rejections, promise]
node: '>=12.17 <13 || >=13.10'
why: Unhandled rejections are processed after the microtask queue drains, outside any asynchronous resource. Node 15.9 started emitting unhandledRejection inside the async context of the Promise (its async id and resource), which is what AsyncLocalStorage reads.
instead: On older versions, attach context to the error object itself (err.requestId) where it is created.
changes: [{in: '15.9.0', what: 'unhandledRejection listeners run in the rejected Promise''s async context, so AsyncLocalStorage.getStore() returns its store instead of undefined (not backported to 14.x)', link: 'https://github.com/nodejs/node/pull/37281'}]
---*/
var AsyncLocalStorage = require('async_hooks').AsyncLocalStorage;
var als = new AsyncLocalStorage();

process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('unhandledRejection', function (reason) {
  var store = als.getStore();
  console.log('unhandledRejection (' + reason.message + '), store: ' + (store ? store.id : 'undefined'));
});

als.run({ id: 'req-1' }, function () {
  Promise.reject(new Error('rejection'));
});

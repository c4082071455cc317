/*---
claim: Under --unhandled-rejections=strict, the uncaughtException listener called for an unhandled rejection reads the rejecting run()'s store from Node 16.14 / 17.4 on; in earlier versions (including 17.0-17.3) getStore() returns undefined there. The listener stops the crash, Node then still prints UnhandledPromiseRejectionWarning (no unhandledRejection listener), exit code 0.
source: https://github.com/nodejs/node/pull/41202
tags: [async-context, rejections, uncaughtException, promise]
node: '>=12.17 <13 || >=13.10'
flags: [--unhandled-rejections=strict]
why: In strict (and throw) mode the rejection is raised as an exception through a different path from the unhandledRejection event; the fix that made unhandledRejection see the Promise's context (15.9) did not cover it, and a later fix (17.4, backported to 16.14) did.
instead: Do not depend on the store in crash handlers on older lines; put the request id on the error.
changes: [{in: '16.14.0', what: 'uncaughtException raised for an unhandled rejection runs in the Promise''s async context: getStore() returns the store instead of undefined (17.x got it in 17.4.0)', link: 'https://github.com/nodejs/node/pull/41202'}, {in: '17.4.0', what: 'same fix on the 17.x line', link: 'https://github.com/nodejs/node/pull/41202'}]
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
  Promise.reject(new Error('rejection'));
});

/*---
claim: An AsyncLocalStorage store set with run() is visible in a setTimeout callback, in a .then continuation, after an await, and in an EventEmitter listener called from inside that context; a listener called from outside any run() sees undefined, even though it is the same listener.
source: https://nodejs.org/api/async_context.html#class-asynclocalstorage
tags: [async-context, events, promise, timers]
node: '>=12.17 <13 || >=13.10'
why: 'AsyncLocalStorage follows the chain of asynchronous resources (timers, promises) created inside run(), which is what domain tried to do for context. An EventEmitter is not an asynchronous resource: emit calls its listeners synchronously, so they see the context of whoever emits, not of whoever registered them.'
instead: AsyncLocalStorage replaces domain for request context (ids, loggers). For emitters that must keep the registering context, use EventEmitterAsyncResource or AsyncResource.bind.
links: [https://nodejs.org/api/domain.html]
changes: [{in: '13.10.0', what: 'AsyncLocalStorage added (backported to 12.17.0)', link: 'https://nodejs.org/api/async_context.html#class-asynclocalstorage'}, {in: '13.14.0', what: 'run() calls its callback synchronously: in 13.10.0 to 13.13.0 it ran it later, so "outside run" printed before "inside run" (12.17.0 got the synchronous run() with the backport)', link: 'https://github.com/nodejs/node/pull/31950'}]
---*/
var AsyncLocalStorage = require('async_hooks').AsyncLocalStorage;
var EventEmitter = require('events');

var als = new AsyncLocalStorage();
var emitter = new EventEmitter();

function show(where) {
  var store = als.getStore();
  console.log(where + ': ' + (store ? store.id : 'undefined'));
}

emitter.on('ping', function () {
  show('listener');
});

als.run({ id: 'req-1' }, function () {
  show('inside run');
  setTimeout(function () {
    show('setTimeout');
    emitter.emit('ping');
  }, 1);
  Promise.resolve().then(function () {
    show('then');
  });
  (async function () {
    await null;
    show('after await');
  })();
});

show('outside run');
// Emitted from the top-level context, after the timer above. Only the order matters, and the
// margin is wide: on 13.10-13.13 the timer above is made a loop turn later, against a fresher
// clock than this one's (which can be older than start-up), so 20 ms was lost on a loaded machine.
setTimeout(function () {
  emitter.emit('ping');
}, 1000);

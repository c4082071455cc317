/*---
claim: "Calling p.then(onOk) and p.catch(onError) as two separate statements on a promise that rejects: onError runs, and from Node 15 on the process still crashes with the same error (exit code 1), because the promise p.then() returned rejects too and nothing handles it. Up to Node 14 it is a warning and exit code 0."
source: https://github.com/nodejs/help/issues/1208
tags: [rejections, promise, exit-codes]
why: "p.then(onOk) returns a new promise, and with no rejection handler of its own it rejects with p's reason. The catch() was attached to p, not to that new promise, so the new one is unhandled once the microtask queue drains; onError has already run by then. From 15 the default mode (throw) turns the unhandled rejection into an uncaught exception."
instead: "Chain them: p.then(onOk).catch(onError), or p.then(onOk, onError); every promise a then() returns needs a handler of its own."
links: [https://github.com/tc39/proposal-async-await/issues/72, https://nodejs.org/api/cli.html#--unhandled-rejectionsmode]
changes: [{in: '15.0.0', what: 'the default mode became throw: the promise returned by then() crashes the process instead of a warning and exit code 0', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

var p = new Promise(function (resolve, reject) {
  setTimeout(function () {
    reject(new Error('request failed'));
  }, 1);
});
p.then(function (value) {
  console.log('then ran: ' + value);
});
p.catch(function (err) {
  console.log('catch ran: ' + err.message);
});

/*---
claim: "Two async calls started together and awaited one after the other inside try/catch: when the second rejects while the first is still being awaited, the catch block never runs from Node 15 on; the rejection is unhandled and crashes the process with exit code 1. Up to Node 14 Node warns, the catch block still runs later, and Node then warns that the rejection was handled after all (exit code 0)."
source: https://github.com/nodejs/node/issues/35150
tags: [rejections, promise, exit-codes]
why: "Node judges a rejection when the microtask queue drains after it. At that moment the second promise has no handler yet: the function is still suspended at `await first`, and `await second` (the handler the try/catch relies on) is only attached when the first call settles, 100 ms later. From 15 the default mode (throw) raises an unhandled rejection as an uncaught exception, so the process ends before the function ever reaches its second await."
instead: "Await calls that run at the same time together, with Promise.all (or Promise.allSettled), which attaches a handler to every promise at once; or start the second call only after awaiting the first."
links: [https://github.com/nodejs/node/issues/27410, https://github.com/nodejs/help/issues/4286, https://github.com/salto-io/salto/pull/4995, https://nodejs.org/api/cli.html#--unhandled-rejectionsmode]
changes: [{in: '15.0.0', what: 'the default mode became throw: the early rejection crashes the process before the catch block runs, instead of a warning followed by the catch block and PromiseRejectionHandledWarning', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

function delay(ms) {
  return new Promise(function (resolve) {
    setTimeout(resolve, ms);
  });
}
async function loadUser() {
  await delay(100);
  return 'user';
}
async function loadOrders() {
  await delay(1);
  throw new Error('orders failed');
}

(async function () {
  try {
    // Both calls start now; the orders call fails long before the user call is done.
    var user = loadUser();
    var orders = loadOrders();
    console.log('got ' + (await user));
    console.log('got ' + (await orders));
  } catch (err) {
    console.log('caught ' + err.message);
  }
})();

/*---
claim: "A try/catch around a call to an async function that is not awaited never catches its error: the code after the try block runs, the catch block never does, and from Node 15 on the rejection crashes the process with exit code 1 (up to Node 14: a warning and exit code 0)."
source: https://github.com/supermacro/neverthrow/issues/268
tags: [rejections, promise, exit-codes]
why: "An async function never throws to its caller: whatever it throws becomes the rejection of the promise it returns. Without await the caller drops that promise, so try/catch sees a normal return, and the rejection is unhandled when the microtask queue drains. From 15 the default mode (throw) raises it as an uncaught exception."
instead: "await the call inside the try block (in an async function), or attach .catch() to the promise it returns."
links: [https://github.com/tc39/proposal-async-await/issues/72, https://nodejs.org/api/cli.html#--unhandled-rejectionsmode]
changes: [{in: '15.0.0', what: 'the default mode became throw: the dropped rejection crashes the process instead of a warning and exit code 0', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

async function save() {
  await null;
  throw new Error('save failed');
}

try {
  save();
  console.log('try block done');
} catch (err) {
  console.log('caught ' + err.message);
}
console.log('after try');

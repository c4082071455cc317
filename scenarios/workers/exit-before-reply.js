/*---
claim: "When a worker calls process.exit(1) while the main thread awaits its reply, the Worker emits 'exit' with 1 and no 'error', and the promise waiting for the 'message' never settles: the code after the await never runs and the process ends with exit code 0."
source: https://github.com/andywer/threads.js/issues/386
tags: [workers, promise, exit-codes]
why: "process.exit() in a worker stops that thread at once; to the main thread it is an ordinary end, reported only through the 'exit' event with its code. A promise that waits for a 'message' has no way to learn that none will ever come. Once the worker is gone nothing keeps the loop alive, so the main thread's pending await is simply abandoned, as every await on a promise that never settles is when the loop empties."
instead: "Make the promise settle on 'exit' (and 'error') as well as on 'message': reject it when the worker ends before answering."
links: [https://nodejs.org/api/worker_threads.html#event-exit, https://nodejs.org/api/worker_threads.html#event-message]
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

var worker = new Worker(__dirname + '/_exit-before-reply.js');
worker.on('error', function (err) {
  console.log('error event: ' + err.message);
});
worker.on('exit', function (code) {
  console.log('worker exit event: ' + code);
});

(async function () {
  var reply = new Promise(function (resolve) {
    worker.once('message', resolve);
  });
  worker.postMessage('compute');
  console.log('main: awaiting the reply');
  var answer = await reply;
  console.log('main: got ' + answer);
})();

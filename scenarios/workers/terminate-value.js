/*---
claim: "worker.terminate() on a running worker returns a Promise fulfilled with the exit code 1 (the Worker's 'exit' event gets 1 too, just before); called again after the worker has exited, it is fulfilled with undefined."
source: https://nodejs.org/api/worker_threads.html#workerterminate
tags: [workers, promise, exit-codes]
why: "Terminating stops the thread as soon as possible and reports exit code 1 for it. Once the worker is gone there is nothing to terminate, and the Promise carries no code."
instead: "Read the exit code from the first terminate() (or from the 'exit' event), not from a later call."
---*/
var Worker = require('worker_threads').Worker;

var worker = new Worker(__dirname + '/_forever.js');
worker.on('exit', function (code) {
  console.log('exit event: ' + code);
});
worker.once('message', function (m) {
  console.log('message: ' + m);
  worker.terminate().then(function (value) {
    console.log('terminate() fulfilled with ' + value);
    return worker.terminate();
  }).then(function (value) {
    console.log('terminate() again fulfilled with ' + value);
  });
});

/*---
claim: "A worker that runs out of its resourceLimits heap is stopped: the Worker emits 'error' with code ERR_WORKER_OUT_OF_MEMORY and then 'exit' with code 1; the main process goes on and exits with 0."
source: https://nodejs.org/api/worker_threads.html#new-workerfilename-options (resourceLimits); https://nodejs.org/api/errors.html#err_worker_out_of_memory
tags: [workers, errors, exit-codes]
node: '>=12.16'
not-on: { bun: "Bun does not enforce a Worker's resourceLimits (https://github.com/oven-sh/bun/issues/31411): the worker would fill the machine's memory until the time limit" }
why: "With resourceLimits, the worker gets its own small V8 heap. When it is exhausted, Node stops the thread instead of crashing the process, and reports ERR_WORKER_OUT_OF_MEMORY to the main thread."
instead: "Set resourceLimits on workers that run untrusted or unbounded work, and handle ERR_WORKER_OUT_OF_MEMORY in the 'error' listener."
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

var worker = new Worker(__dirname + '/_allocate.js', {
  resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
});
worker.on('error', function (err) {
  console.log('error event: ' + err.code);
  console.log(err.message);
});
worker.on('exit', function (code) {
  console.log('exit event: ' + code);
});

/*---
claim: "A running worker keeps the process alive: the main script's code ends at once, yet the process waits for the worker's 200 ms timer, its message, and its 'exit' with code 0."
source: https://nodejs.org/api/worker_threads.html#workerunref
tags: [workers, event-loop, handles]
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

var worker = new Worker(__dirname + '/_wait.js');
worker.on('message', function (m) {
  console.log('message: ' + m);
});
worker.on('exit', function (code) {
  console.log('exit event: ' + code);
});
console.log('end of main script');

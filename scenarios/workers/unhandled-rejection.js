/*---
claim: "An unhandled rejection in a worker follows the process-wide rule of its Node version: up to 14 a warning and the worker goes on (exit code 0); from 15 it is the worker's uncaught exception, emitted as 'error' on the Worker, then 'exit' with code 1. The main thread survives either way."
source: https://nodejs.org/api/cli.html#--unhandled-rejectionsmode; https://nodejs.org/api/worker_threads.html#event-error
tags: [workers, rejections, promise, uncaughtException]
why: "Each worker has its own unhandled-rejection tracking, with the same default mode as the main thread. In Node 15 that default became `throw`, so the rejection ends the worker like a throw would; the main thread only sees it as the Worker's 'error' event."
instead: "Handle rejections inside the worker, and listen for 'error' on the Worker."
changes:
  - {in: '15.0.0', what: "the default unhandled-rejection mode became throw: the rejection ends the worker (an 'error' event, then 'exit' with 1) instead of a warning", link: 'https://github.com/nodejs/node/pull/33021'}
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('main exit ' + code);
});

var worker = new Worker(__dirname + '/_reject.js');
worker.on('message', function (m) {
  console.log('message: ' + m);
});
worker.on('error', function (err) {
  console.log('error event: ' + err.message);
});
worker.on('exit', function (code) {
  console.log('exit event: ' + code);
});

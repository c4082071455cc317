/*---
claim: "worker.unref() is undone by a 'message' listener added after it: a worker that waits on parentPort forever then keeps the process alive (an unref'd timer fires 300 ms after the worker's answer), until worker.terminate() ends it with exit code 1."
source: https://github.com/nodejs/node/issues/53036
tags: [handles, event-loop, workers]
why: "A Worker's messages arrive on an internal MessagePort, and adding a 'message' listener to the Worker refs that port, as for any port (removing the last listener unrefs it). worker.unref() unrefs the worker and that port at the moment it is called; a listener added later refs the port again, and the port holds the process. The report was closed as wontfix: this is how Node means it to work."
instead: "Add the Worker's 'message' listeners first and call worker.unref() last; or end the worker explicitly (terminate(), or have it close parentPort)."
links: [https://github.com/apmantza/pi-lens/issues/1148, https://nodejs.org/api/worker_threads.html#workerunref, https://nodejs.org/api/worker_threads.html#portref]
explains: {hang-worker: 2}
---*/
var Worker = require('worker_threads').Worker;

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

// The worker listens on parentPort and never ends by itself (see handles/worker-parentport-listener).
var worker = new Worker(__dirname + '/_echo.js');
worker.unref();
worker.on('message', function (m) {
  console.log('main got: ' + m);
  // unref'd: it fires only if something else (the worker's port) keeps the loop running 300 ms
  // after the answer. Started here, so the worker is surely running when it is terminated.
  setTimeout(function () {
    console.log('still alive 300 ms after the answer; calling worker.terminate()');
    worker.terminate();
  }, 300).unref();
});
worker.on('exit', function (code) {
  console.log('worker exit event: ' + code);
});
worker.postMessage('ping');
console.log('end of code');

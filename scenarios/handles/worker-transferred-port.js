/*---
claim: "A MessagePort transferred to a worker is closed when that worker ends: the main thread's end of the channel, which has a 'message' listener and was never closed, stops holding the process, which exits with code 0 once the worker has ended."
source: https://github.com/oven-sh/bun/pull/43374
tags: [handles, workers, event-loop]
why: "A port with a 'message' listener keeps the process alive until it or its peer is closed (handles/message-port-listener). When a worker ends, Node closes every port the worker owned, the transferred one included, and closing one end of a channel closes the other: the main thread's port emits 'close' and no longer counts. The worker here ends on its own after answering (its one-off listener was all that kept it), without closing the port."
instead: "Close ports explicitly when done anyway; a port whose peer stays in a long-lived worker holds the main thread for as long as that worker runs."
links: [https://nodejs.org/api/worker_threads.html#portclose, https://nodejs.org/api/worker_threads.html#event-close]
---*/
var wt = require('worker_threads');

// The worker's 'exit' and the port's events come from two threads in either order, so the
// worker's exit code is printed at the end, not when it comes.
var workerExit = 'none';
process.on('exit', function (code) {
  console.log('exit with code ' + code + '; worker exit event: ' + workerExit);
});

var channel = new wt.MessageChannel();
channel.port1.on('message', function (m) {
  console.log('port1 got: ' + m);
});
channel.port1.on('close', function () {
  console.log('port1 closed');
});

var worker = new wt.Worker(__dirname + '/_port-holder.js');
worker.on('exit', function (code) {
  workerExit = code;
});
worker.postMessage(channel.port2, [channel.port2]);

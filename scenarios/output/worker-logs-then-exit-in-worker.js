/*---
claim: "A worker that console.logs 300 lines and then calls process.exit(0): up to 20.19.2, on 21.x, and up to 22.13 and 23.6 only the first line arrives; from 20.19.3, 22.14 and 23.7 all 300 lines arrive before the Worker's 'exit' event."
source: https://github.com/nodejs/node/issues/40961
tags: [output, workers, exit]
changes: [{in: '23.7.0', what: "a worker that exits flushes what its stdout still holds: all 300 lines arrive instead of the first", link: 'https://github.com/nodejs/node/pull/56428'}, {in: '22.14.0', what: 'the same fix, backported to 22.x', link: 'https://github.com/nodejs/node/pull/56428'}, {in: '20.19.3', what: 'the same fix, backported to 20.x', link: 'https://github.com/nodejs/node/pull/56428'}, {never: '21', what: 'the fix never reached 21.x (released before it, no longer maintained): 21.7.3 still cuts the output', link: 'https://github.com/nodejs/node/pull/56428'}]
why: "A worker's console.log does not write to the file descriptor: it posts the text to the main thread, which writes it. The worker's stdout stream sends one batch and waits for the main thread to acknowledge it before sending the next; process.exit() stops the worker before that acknowledgement can arrive, so only the first batch (here the first line) was ever sent, however many lines were logged. Since 23.7 (backported to 22.14 and 20.19.3) a worker that is exiting sends what is left without waiting."
instead: "Let a worker end by itself (close its handles and return) instead of calling process.exit() in it; a result that matters goes to the main thread with postMessage and is printed there."
links: [https://github.com/nodejs/node/pull/56428, https://nodejs.org/api/worker_threads.html#workerstdout]
---*/
var wt = require('worker_threads');
var LINES = 300;

if (wt.isMainThread) {
  var worker = new wt.Worker(__filename);
  worker.on('exit', function (code) {
    console.log('worker exit ' + code);
  });
} else {
  for (var i = 1; i <= LINES; i++) console.log('worker line ' + i);
  process.exit(0);
}

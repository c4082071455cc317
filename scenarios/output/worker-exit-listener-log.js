/*---
claim: "A line a worker console.logs in its own process.on('exit') listener, after it called process.exit(0), is lost up to 20.19.2, on 21.x, and up to 22.13 and 23.6; from 20.19.3, 22.14 and 23.7 it arrives, before the Worker's 'exit' event."
source: https://github.com/nodejs/node/issues/40961
tags: [output, workers, exit]
changes: [{in: '23.7.0', what: "a worker that exits flushes what its stdout still holds: the exit listener's line arrives", link: 'https://github.com/nodejs/node/pull/56428'}, {in: '22.14.0', what: 'the same fix, backported to 22.x', link: 'https://github.com/nodejs/node/pull/56428'}, {in: '20.19.3', what: 'the same fix, backported to 20.x', link: 'https://github.com/nodejs/node/pull/56428'}, {never: '21', what: 'the fix never reached 21.x (released before it, no longer maintained): 21.7.3 still cuts the output', link: 'https://github.com/nodejs/node/pull/56428'}]
why: "The worker's first line is one batch sent to the main thread; the exit listener's line waits behind it for an acknowledgement that never comes, because the worker stops right after its exit listeners run. Since 23.7 (backported to 22.14 and 20.19.3) a worker that is exiting writes without waiting for the acknowledgement."
instead: "Do not rely on output from a worker's 'exit' listener on older versions: report to the main thread (postMessage) before exiting, or log from the Worker's 'exit' event in the main thread."
links: [https://github.com/nodejs/node/pull/56428, https://nodejs.org/api/worker_threads.html#event-exit]
---*/
var wt = require('worker_threads');

if (wt.isMainThread) {
  new wt.Worker(__filename).on('exit', function (code) {
    console.log('main: worker exit ' + code);
  });
} else {
  process.on('exit', function (code) {
    console.log('worker exit listener: code ' + code);
  });
  console.log('worker: calling process.exit(0)');
  process.exit(0);
}

/*---
claim: "An fs.watch() watcher keeps the process alive while nothing changes: an unref'd 300 ms timer still gets to fire, and only watcher.close() lets the process exit with code 0."
source: https://github.com/paulmillr/chokidar/issues/641
tags: [handles, event-loop]
why: "A watcher is an inotify (or kqueue, FSEvents) handle that waits for changes nobody can predict, so it is ref'd by default (the `persistent` option, true unless given): the process does not end while it is open. Libraries built on fs.watch, such as chokidar, inherit this."
instead: "Call watcher.close() when done; pass `{ persistent: false }`, or call watcher.unref() (Node 14.3+, 12.20+), if the watcher must not keep the process alive."
links: [https://github.com/paulmillr/chokidar/issues/434, https://github.com/nodejs/node/issues/33096, https://nodejs.org/api/fs.html#fswatchfilename-options-listener]
explains: {hang-fs-watch: 1}
---*/
var fs = require('fs');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

// This file itself is watched; nothing writes to it.
var watcher = fs.watch(__filename, function (event) {
  console.log('change: ' + event);
});
watcher.on('close', function () {
  console.log('watcher closed');
});

// unref'd: it fires only if something else (the watcher) keeps the loop running for 300 ms.
setTimeout(function () {
  console.log('still alive after 300 ms; calling watcher.close()');
  watcher.close();
}, 300).unref();
console.log('end of code');

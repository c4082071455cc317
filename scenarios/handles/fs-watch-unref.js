/*---
claim: "watcher.unref() lets the process exit with code 0 at once while an fs.watch() watcher stays open (the unref'd 300 ms timer never fires); on 12 before 12.20.0, on 13, and on 14 before 14.3.0 a watcher has no unref() (it is undefined), so it has to be closed."
source: https://github.com/nodejs/node/issues/33096
tags: [handles, event-loop]
why: "unref() on a watcher works as on a timer or a socket: the loop no longer waits for it, while it keeps delivering change events for as long as something else keeps the process running. It was added in 14.3.0 and backported to 12.20.0; 13.x, whose last release came out before 14.3.0, never got it."
instead: "Where watcher.unref() may be missing, pass `{ persistent: false }` to fs.watch() (every version has it), or close() the watcher."
links: [https://github.com/nodejs/node/pull/33134, https://nodejs.org/api/fs.html#watcherunref]
changes:
  - {in: '14.3.0', what: 'an fs.watch() watcher has unref() (before: undefined)', link: 'https://github.com/nodejs/node/pull/33134'}
  - {in: '12.20.0', what: 'watcher.unref() backported to 12.x', link: 'https://github.com/nodejs/node/pull/35555'}
  - {never: '13', what: '13.x never got watcher.unref()', link: 'https://github.com/nodejs/node/pull/33134'}
explains: {hang-fs-watch: 2}
---*/
var fs = require('fs');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

// This file itself is watched; nothing writes to it.
var watcher = fs.watch(__filename);
if (typeof watcher.unref === 'function') {
  watcher.unref();
  console.log('watcher.unref() called; the watcher is still open');
} else {
  console.log('watcher.unref is ' + typeof watcher.unref + '; calling watcher.close()');
  watcher.close();
}

// unref'd: it fires only if something else (the watcher) keeps the loop running for 300 ms.
setTimeout(function () {
  console.log('still alive after 300 ms; calling watcher.close()');
  watcher.close();
}, 300).unref();

/*---
claim: "fs.watchFile() keeps the process alive while the file stays the same: an unref'd 300 ms timer still gets to fire, and only fs.unwatchFile() lets the process exit with code 0."
source: https://github.com/nodejs/node/issues/33096
tags: [handles, event-loop]
why: "fs.watchFile() polls the file with stat() every `interval` ms through a libuv poll handle of its own, ref'd by default (`persistent: true`). The poller runs until every listener on that file is removed with fs.unwatchFile(), however long the file stays unchanged."
instead: "Call fs.unwatchFile(path, listener) when done, pass `{ persistent: false }`, or prefer fs.watch(), which is cheaper."
links: [https://nodejs.org/api/fs.html#fswatchfilefilename-options-listener, https://nodejs.org/api/fs.html#fsunwatchfilefilename-listener]
explains: {hang-watchfile: 1}
---*/
var fs = require('fs');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

// This file itself is watched; nothing writes to it.
fs.watchFile(__filename, { interval: 50 }, function () {
  console.log('file changed');
});

// unref'd: it fires only if something else (the poller) keeps the loop running for 300 ms.
setTimeout(function () {
  console.log('still alive after 300 ms; calling fs.unwatchFile()');
  fs.unwatchFile(__filename);
}, 300).unref();
console.log('end of code');

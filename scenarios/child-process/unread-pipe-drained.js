/*---
claim: "A piped stdio stream that the program never reads does not hold up 'close': when the child exits, Node drains the untouched stream, so the child's stderr line is silently discarded and 'close' follows 'exit'."
source: https://nodejs.org/api/child_process.html#event-close; https://nodejs.org/api/child_process.html#optionsstdio
tags: [child-process, streams, output, events]
why: "spawn() pipes all three stdio streams by default. A stream the program never touched is resumed by Node when the child exits, so its data is thrown away and it can end; that is why 'close' still comes. It only works for output the pipe could hold while the child ran (see child-process/unread-pipe-blocks)."
instead: "Pass 'ignore' (or 'inherit') for stdio streams you do not want, instead of leaving a pipe unread."
---*/
var spawn = require('child_process').spawn;

process.on('exit', function (code) {
  console.log('parent exit ' + code);
});
var child = spawn(process.execPath, ['-e', 'console.log("hello"); console.error("a warning nobody reads")']);
child.stdout.on('data', function (d) {
  console.log('stdout: ' + String(d).trim());
});
// child.stderr is a pipe too, but nobody reads it.
child.on('exit', function (code) {
  console.log('exit: ' + code);
});
child.on('close', function (code) {
  console.log('close: ' + code);
});

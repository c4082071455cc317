/*---
claim: "Writing to a child's stdin after the child has exited: up to Node 13 an uncaught ERR_STREAM_DESTROYED error crashes the parent (exit code 1); from Node 14 the write is dropped silently and the parent exits with 0."
source: https://nodejs.org/api/child_process.html#subprocessstdin; https://nodejs.org/api/stream.html#writablewritechunk-encoding-callback
tags: [child-process, streams, errors, exit-codes]
why: "When a child exits, Node destroys the parent's end of its stdin. A write on a destroyed stream used to emit 'error', which with no listener throws; since Node 14 the error only goes to the write's callback, if there is one, so the data just disappears."
instead: "Stop writing when the child exits, and pass a callback to write() (or listen for 'error') to learn that a write failed."
changes:
  - {in: '14.0.0', what: "a write on a destroyed stream no longer emits 'error' (the error only reaches the write callback), so the parent no longer crashes", link: 'https://github.com/nodejs/node/pull/29211'}
---*/
var spawn = require('child_process').spawn;

process.on('exit', function (code) {
  console.log('parent exit ' + code);
});
var child = spawn(process.execPath, ['-e', '']);
child.on('exit', function (code) {
  console.log('child exit ' + code + ', writing to its stdin');
  child.stdin.write('hello\n');
});

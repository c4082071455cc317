/*---
claim: "A child's 'close' event needs every piped stdio stream to end, and a stream that is never read never ends: with stderr piped but unread, 'exit' fires, 'close' never does, and the parent exits with code 0 without it."
source: https://nodejs.org/api/child_process.html#event-close; https://nodejs.org/api/stream.html#event-end
tags: [child-process, streams, events, event-loop]
why: "'close' is emitted once all of the child's stdio streams have closed. A readable stream only emits 'end' (and then closes) after its data, even none, has been consumed; a paused stream that nobody reads stays open. Nothing keeps the parent's loop alive for it, so the parent just ends, and a 'close' listener that was to finish the job never runs."
instead: "Read or resume() every piped stream (or pass 'ignore' / 'inherit' for the ones you do not need), or wait for 'exit' when you do not need the output."
---*/
var spawn = require('child_process').spawn;

process.on('exit', function (code) {
  console.log('parent exit ' + code);
});
var child = spawn(process.execPath, ['-e', 'console.log("hello")']);
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

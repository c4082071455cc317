/*---
claim: "A child that writes 1 MiB to a stderr pipe its parent never reads never exits: its code runs to the end, but the write cannot complete once the pipe (and the parent's stream buffer) is full, so neither 'exit' nor 'close' comes and the parent waits for ever."
source: https://nodejs.org/api/child_process.html#optionsstdio; https://nodejs.org/api/process.html#a-note-on-process-io
tags: [child-process, streams, output, event-loop]
timeout: 3000
why: "A pipe holds only about 64 KiB, and the parent reads from an untouched stream only until its own buffer is full. The rest of the child's write waits in the child, and a process does not exit while its stdio writes are pending. Node drains an unread stream only after the child has exited, which here never happens."
instead: "Read every piped stream (or pass 'ignore' / 'inherit'), especially stderr, which is easy to forget."
---*/
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, ['-e', 'process.stderr.write("x".repeat(1024 * 1024)); console.log("child wrote it all")']);
child.stdout.on('data', function (d) {
  console.log('stdout: ' + String(d).trim());
});
// child.stderr is a pipe, but nobody reads it.
child.on('exit', function (code) {
  console.log('exit: ' + code);
});
child.on('close', function (code) {
  console.log('close: ' + code);
});
console.log('waiting for the child');

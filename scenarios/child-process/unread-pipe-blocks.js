/*---
claim: "A child that writes 1 MiB to a stderr pipe its parent never reads never exits: its code runs to the end, but the write cannot complete once the pipe (and the parent's stream buffer) is full, so neither 'exit' nor 'close' comes: 2 s after the child's last line the parent is still waiting (it would wait for ever; the scenario then kills the child)."
source: https://nodejs.org/api/child_process.html#optionsstdio; https://nodejs.org/api/process.html#a-note-on-process-io
tags: [child-process, streams, output, event-loop]
timeout: 10000
why: "A pipe holds only about 64 KiB, and the parent reads from an untouched stream only until its own buffer is full. The rest of the child's write waits in the child, and a process does not exit while its stdio writes are pending. Node drains an unread stream only after the child has exited, which here never happens."
instead: "Read every piped stream (or pass 'ignore' / 'inherit'), especially stderr, which is easy to forget."
---*/
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, ['-e', 'process.stderr.write("x".repeat(1024 * 1024)); console.log("child wrote it all")']);
child.stdout.on('data', function (d) {
  console.log('stdout: ' + String(d).trim());
  // The child's code has run to its end. A child that could exit does so within milliseconds;
  // 2 s without 'exit' is the claim, with a wide margin on a loaded machine. Then the scenario
  // ends it, so that its end does not depend on the harness's time limit.
  setTimeout(function () {
    console.log('2 s later: no exit, no close; killing the child');
    child.kill('SIGKILL');
  }, 2000);
});
// child.stderr is a pipe, but nobody reads it.
child.on('exit', function (code) {
  console.log('exit: ' + code);
});
child.on('close', function (code) {
  console.log('close: ' + code);
});
console.log('waiting for the child');

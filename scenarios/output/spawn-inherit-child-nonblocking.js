/*---
claim: "A child spawned with stdio 'inherit' while Node's stdout is a non-blocking pipe gets it blocking, and so does Node from then on: spawning clears O_NONBLOCK on the pipe the two share."
source: https://github.com/oven-sh/bun/pull/33560
tags: [output, child-process]
why: "libuv clears O_NONBLOCK on a child's stdin, stdout and stderr before it runs the child's program, because most programs expect blocking stdio and fail with EAGAIN on a full pipe otherwise. The flag belongs to the pipe (the open file description), not to the process, so the parent's stdout becomes blocking too and stays so. From then on the parent's writes to stdout block instead of being queued. Deno never makes the pipe non-blocking."
instead: "Nothing to do for the child; but do not rely on stdout staying asynchronous in a process that spawns children with inherited stdio (a slow reader now blocks its event loop)."
links: [https://github.com/libuv/libuv/blob/v1.x/src/unix/process.c, https://nodejs.org/api/child_process.html#optionsstdio]
---*/
var cp = require('child_process');
var fs = require('fs');

// O_NONBLOCK is 04000 (2048) on Linux.
function describe(octal) {
  return (parseInt(octal, 8) & 2048) ? 'non-blocking' : 'blocking';
}
function ownFlags() {
  return /^flags:\s+([0-7]+)$/m.exec(fs.readFileSync('/proc/self/fdinfo/1', 'utf8'))[1];
}

if (process.argv[2] === 'writer') {
  process.stdout.write('writer: a line\n'); // process.stdout is made on first use
  process.stdout.write('before the spawn, the writer sees its stdout ' + describe(ownFlags()) + '\n');
  // The child, with stdio 'inherit', prints the flags of the stdout it got.
  var child = cp.spawn('/bin/sh', ['-c', 'grep "^flags:" /proc/self/fdinfo/1'], { stdio: 'inherit' });
  child.on('close', function () {
    process.stdout.write('after the child exited, the writer sees its stdout ' + describe(ownFlags()) + '\n');
  });
} else {
  var script = '{ "$RUNTIME" $RUNTIME_ARGS "$0" writer; } | cat';
  var env = { PATH: process.env.PATH, RUNTIME: process.execPath, RUNTIME_ARGS: process.versions.deno ? 'run -A' : '' }; // Deno reads a file only with -A
  var sh = cp.spawn('/bin/sh', ['-c', script, __filename], { stdio: ['ignore', 'pipe', 'inherit'], env: env });
  var out = '';
  sh.stdout.on('data', function (d) { out += d; });
  sh.on('close', function () {
    out.split('\n').filter(Boolean).forEach(function (l) {
      var m = /^flags:\s+([0-7]+)$/.exec(l);
      console.log(m ? 'the child got its stdout ' + describe(m[1]) : l);
    });
  });
}

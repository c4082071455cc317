/*---
claim: "Node makes a pipe it writes to non-blocking while it runs, and from 12.5.0 sets it back to blocking as it exits: the next program writing to the same shell pipe gets it blocking. On 12.0 to 12.4 it was left non-blocking."
source: https://github.com/nodejs/node/issues/19838
tags: [output, child-process]
changes: [{in: '12.5.0', what: 'Node records the flags of its stdio file descriptors at start-up and restores them at exit: a pipe it made non-blocking is blocking again after it', link: 'https://github.com/nodejs/node/pull/24260'}]
why: "O_NONBLOCK belongs to the pipe itself (its open file description), which every process writing to it shares. Node turns it on for its stdout so that its writes never block, which is what lets a write be queued and then lost at process.exit(). A program that runs after Node on the same pipe and expects a blocking stdout (most do) then gets EAGAIN ('Resource temporarily unavailable') when its reader is slow, and may lose output. Since 12.5.0 Node restores the flags on exit. Deno never makes the pipe non-blocking; Bun leaves it non-blocking after it exits."
instead: "Use Node 12.5 or later. With a runtime that leaves the pipe non-blocking (Bun here), give the program that runs after it its own pipe instead of sharing one."
links: [https://github.com/nodejs/node/issues/14752, https://github.com/nodejs/node/pull/24260, https://github.com/oven-sh/bun/pull/33827]
---*/
var cp = require('child_process');
var fs = require('fs');

// O_NONBLOCK is 04000 (2048) on Linux.
function describe(octal) {
  return (parseInt(octal, 8) & 2048) ? 'non-blocking' : 'blocking';
}

if (process.argv[2] === 'writer') {
  process.stdout.write('writer: a line\n'); // process.stdout is made on first use
  var flags = /^flags:\s+([0-7]+)$/m.exec(fs.readFileSync('/proc/self/fdinfo/1', 'utf8'))[1];
  process.stdout.write('while the writer runs, the pipe is ' + describe(flags) + '\n');
} else {
  // One shell pipe (a FIFO, as `node writer.js; other-program | reader` makes). On it: this script as the writer, then,
  // after the writer has exited, grep printing the pipe's file status flags as the kernel holds them.
  var script = '{ "$RUNTIME" $RUNTIME_ARGS "$0" writer; grep "^flags:" /proc/self/fdinfo/1; } | cat';
  var env = { PATH: process.env.PATH, RUNTIME: process.execPath, RUNTIME_ARGS: process.versions.deno ? 'run -A' : '' }; // Deno reads a file only with -A
  var sh = cp.spawn('/bin/sh', ['-c', script, __filename], { stdio: ['ignore', 'pipe', 'inherit'], env: env });
  var out = '';
  sh.stdout.on('data', function (d) { out += d; });
  sh.on('close', function () {
    out.split('\n').filter(Boolean).forEach(function (l) {
      var m = /^flags:\s+([0-7]+)$/.exec(l);
      console.log(m ? 'after the writer exited, the pipe is ' + describe(m[1]) : l);
    });
  });
}

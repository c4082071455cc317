/*---
claim: "process.exit() right after one 8 MiB process.stdout.write() to a pipe loses output: the reader (a parent reading as fast as it can) receives less than all of it, on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io
tags: [output, exit, streams]
why: "On Linux, process.stdout on a pipe or socket is asynchronous: write() hands the kernel what fits in the pipe's buffer (some tens or hundreds of KiB) and queues the rest inside the process, to be written as the reader drains the pipe. process.exit() ends the process without waiting for that queue, so whatever was still queued is gone, however fast the reader is. (Node's spawn() connects the child with a Unix socket pair, as this project's harness does; a shell's | is a real pipe, output/exit-after-write-shell-pipe.)"
instead: "Do not call process.exit() after writing output: set process.exitCode and let the process end by itself (output/exitcode-natural-end), or exit from the write() callback."
links: [https://nodejs.org/api/process.html#processexitcode]
explains: {exit-lost-stdout: 1, exit-lost-stdout-after-write: 2, lost-output: 1}
---*/
// The writer is this same file run as a child; the parent counts what arrives on the pipe.
const { spawn } = require('child_process');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  process.stdout.write('x'.repeat(SIZE));
  process.exit(0);
} else {
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let received = 0;
  child.stdout.on('data', (chunk) => (received += chunk.length));
  child.on('close', (code) => {
    console.log(`writer exited with code ${code}`);
    console.log(`reader received ${received === SIZE ? 'all' : received < SIZE ? 'less than all' : 'more than'} of the ${SIZE} bytes`);
  });
}

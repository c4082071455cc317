/*---
claim: "process.exit() right after one 8 MiB process.stderr.write() to a pipe loses output: the reader (a parent reading as fast as it can) receives less than all of it, on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io
tags: [output, exit, streams]
why: "People expect stderr, the error stream, to be written at once. On Linux it is asynchronous on a pipe or socket exactly like stdout: write() hands the kernel what fits in its buffer and queues the rest inside the process, and process.exit() drops that queue."
instead: "Do not call process.exit() after writing output: set process.exitCode and let the process end by itself (output/exitcode-natural-end), or exit from the write() callback."
links: [https://nodejs.org/api/process.html#processexitcode]
explains: {exit-lost-stderr: 1}
---*/
// The writer is this same file run as a child; the parent counts what arrives on the stderr pipe.
const { spawn } = require('child_process');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  process.stderr.write('x'.repeat(SIZE));
  process.exit(0);
} else {
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', 'inherit', 'pipe'] });
  let received = 0;
  child.stderr.on('data', (chunk) => (received += chunk.length));
  child.on('close', (code) => {
    console.log(`writer exited with code ${code}`);
    console.log(`reader received ${received === SIZE ? 'all' : received < SIZE ? 'less than all' : 'more than'} of the ${SIZE} bytes`);
  });
}

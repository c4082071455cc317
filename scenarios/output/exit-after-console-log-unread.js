/*---
claim: "A process that console.logs 8 MiB (8192 lines) and calls process.exit() does not wait for a reader that is not reading yet: it exits with code 0, and the reader, reading only after that, gets less than all of it."
source: https://nodejs.org/api/process.html#processexitcode
tags: [output, exit, streams]
why: "The writes do not block: each console.log() line either goes into the pipe's kernel buffer or, once that is full, into the process's own queue. Nothing waits for the reader, so the writer reaches process.exit() at once and the queued lines die with it. Only what fit in the buffers on the way (a few hundred KiB at most) is left to read."
instead: "End with process.exitCode and a natural exit: the process then stays until its queued output has been written."
---*/
const { spawn } = require('child_process');
const LINE = 'y'.repeat(1023);
const LINES = 8192;

if (process.argv[2] === 'writer') {
  for (let i = 0; i < LINES; i++) console.log(LINE);
  process.exit(0);
} else {
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.on('exit', (code) => {
    console.log(`writer exited with code ${code} before anything was read`);
    let received = 0;
    child.stdout.on('data', (chunk) => (received += chunk.length));
    child.stdout.on('end', () => {
      const size = LINES * (LINE.length + 1);
      console.log(`reader then received ${received === size ? 'all' : received < size ? 'less than all' : 'more than'} of the ${size} bytes`);
    });
  });
}

/*---
claim: "Setting process.exitCode = 3 instead of calling process.exit(3) after an 8 MiB process.stdout.write() keeps all the output: the reader receives all of it and the exit code is still 3."
source: https://nodejs.org/api/process.html#processexitcode
tags: [output, exitCode, exit-codes, streams]
why: "A pending write to the pipe is work for the event loop, so a process that ends by itself first writes out its queued output, then exits with process.exitCode. This is the pattern Node's documentation recommends over process.exit()."
---*/
const { spawn } = require('child_process');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  process.stdout.write('x'.repeat(SIZE));
  process.exitCode = 3;
} else {
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let received = 0;
  child.stdout.on('data', (chunk) => (received += chunk.length));
  child.on('close', (code) => {
    console.log(`writer exited with code ${code}`);
    console.log(`reader received ${received === SIZE ? 'all' : received < SIZE ? 'less than all' : 'more than'} of the ${SIZE} bytes`);
  });
}

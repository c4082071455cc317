/*---
claim: "Calling process.exit() from the callback of process.stdout.write() keeps the output: a parent reading the pipe receives all 8 MiB."
source: https://nodejs.org/api/stream.html#writablewritechunk-encoding-callback
tags: [output, exit, streams]
why: "write()'s callback runs once that chunk has been written to the pipe, so by then nothing of it is left in the process's queue. The process stays alive for as long as the reader takes, because the pending write keeps the event loop busy."
---*/
const { spawn } = require('child_process');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  process.stdout.write('x'.repeat(SIZE), () => process.exit(0));
} else {
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let received = 0;
  child.stdout.on('data', (chunk) => (received += chunk.length));
  child.on('close', (code) => {
    console.log(`writer exited with code ${code}`);
    console.log(`reader received ${received === SIZE ? 'all' : received < SIZE ? 'less than all' : 'more than'} of the ${SIZE} bytes`);
  });
}

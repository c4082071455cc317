/*---
claim: "An 'exit' listener's small console.log() arrives, but an 8 MiB process.stdout.write() from the same listener does not arrive whole: a parent reading the pipe receives the small line and less than all of the large write."
source: https://nodejs.org/api/process.html#event-exit
tags: [output, exit, streams]
why: "Inside an 'exit' listener the event loop is over, so only what the kernel accepts during the write() call itself gets out. A short line fits in the empty pipe buffer and is written at once; a large write fills the buffer and its rest is queued for a loop that never runs again."
instead: "Write large reports before the process starts exiting (or synchronously to a file with fs.writeSync), not from an 'exit' listener."
---*/
const { spawn } = require('child_process');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  process.on('exit', () => {
    console.log('exit listener: a short line');
    process.stdout.write('x'.repeat(SIZE));
  });
} else {
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('latin1');
  child.stdout.on('data', (chunk) => (out += chunk));
  child.on('close', (code) => {
    const first = out.slice(0, out.indexOf('\n') + 1);
    const rest = out.length - first.length;
    console.log(`writer exited with code ${code}`);
    console.log(`first line: ${JSON.stringify(first)}`);
    console.log(`then ${rest === SIZE ? 'all' : rest < SIZE ? 'less than all' : 'more than'} of the ${SIZE} bytes`);
  });
}

/*---
claim: "Through a shell pipe (node writer.js | wc -c) the same 8 MiB write followed by process.exit() also arrives incomplete: wc counts less than all of it."
source: https://nodejs.org/api/process.html#a-note-on-process-io
tags: [output, exit, streams, child-process]
why: "A pipe made by the shell behaves like Node's socket pair here: Node puts it in non-blocking mode, a single write() moves at most the pipe's capacity (64 KiB by default on Linux), and the rest waits in the process's queue that process.exit() discards."
instead: "Let the process end by itself (process.exitCode), or exit from the write() callback."
---*/
const { spawn } = require('child_process');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  process.stdout.write('x'.repeat(SIZE));
  process.exit(0);
} else {
  // sh -c 'node this-file writer | wc -c'
  const sh = spawn('/bin/sh', ['-c', '"$0" "$1" writer | wc -c', process.execPath, __filename], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  sh.stdout.on('data', (d) => (out += d));
  sh.on('close', () => {
    const counted = Number(out.trim());
    console.log(`wc counted ${counted === SIZE ? 'all' : counted < SIZE ? 'less than all' : 'more than'} of the ${SIZE} bytes`);
  });
}

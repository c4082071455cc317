/*---
claim: "When stdout is a file, the same 8 MiB process.stdout.write() followed by process.exit() is written completely: the file holds all of it."
source: https://nodejs.org/api/process.html#a-note-on-process-io
tags: [output, exit, streams]
why: "For a file Node makes process.stdout a synchronous stream: write() returns only when the data is in the file, so nothing is left queued when process.exit() runs. The same program loses output as soon as its stdout is a pipe (output/exit-after-write-stdout): node app.js > log is safe, node app.js | tee log is not."
---*/
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  process.stdout.write('x'.repeat(SIZE));
  process.exit(0);
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'output-'));
  const file = path.join(dir, 'stdout.txt');
  const fd = fs.openSync(file, 'w');
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', fd, 'inherit'] });
  fs.closeSync(fd);
  child.on('close', (code) => {
    const size = fs.statSync(file).size;
    fs.unlinkSync(file);
    fs.rmdirSync(dir);
    console.log(`writer exited with code ${code}`);
    console.log(`the file holds ${size === SIZE ? 'all' : size < SIZE ? 'less than all' : 'more than'} of the ${SIZE} bytes`);
  });
}

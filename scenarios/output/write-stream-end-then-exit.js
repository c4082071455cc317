/*---
claim: "Calling process.exit() from the callback of stream.end() on an fs.createWriteStream() keeps the data: the file holds all 8 MiB."
source: https://nodejs.org/api/stream.html#writableendchunk-encoding-callback
tags: [output, exit, streams]
why: "end()'s callback runs on 'finish', when every buffered chunk has been handed to the file system, so nothing is left for process.exit() to discard."
---*/
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  const stream = fs.createWriteStream(process.argv[3]);
  stream.end('x'.repeat(SIZE), () => process.exit(0));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'output-'));
  const file = path.join(dir, 'log.txt');
  const child = spawn(process.execPath, [__filename, 'writer', file], { stdio: 'inherit' });
  child.on('close', (code) => {
    const size = fs.existsSync(file) ? fs.statSync(file).size : 0;
    if (fs.existsSync(file)) fs.unlinkSync(file);
    fs.rmdirSync(dir);
    console.log(`writer exited with code ${code}`);
    console.log(`the file holds ${size === SIZE ? 'all' : size < SIZE ? 'less than all' : 'more than'} of the ${SIZE} bytes`);
  });
}

/*---
claim: "process.exit() right after writing 8 MiB to an fs.createWriteStream() loses it: the file, read back once the writer is gone, holds less than all of it (often nothing at all)."
source: https://nodejs.org/api/fs.html#fscreatewritestreampath-options
tags: [output, exit, streams]
why: "A file write stream is asynchronous from the start: even opening the file is a request to libuv's thread pool, and each write is one more. process.exit() does not wait for any of them, so the data still in the stream's buffer never reaches the file. Unlike process.stdout on a file, a WriteStream is never synchronous."
instead: "Call process.exit() (if at all) from stream.end()'s callback, or let the process end by itself: output/write-stream-end-then-exit."
---*/
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'writer') {
  const stream = fs.createWriteStream(process.argv[3]);
  stream.write('x'.repeat(SIZE));
  process.exit(0);
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

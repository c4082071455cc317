/*---
claim: "console.log() to a FIFO, the pipe a shell or a CI runner gives (`node app.js | head -n 1`), whose reader has gone behaves exactly as on the socket pair of output/console-log-closed-pipe: up to Node 16.6 the EPIPE is swallowed and the writer exits with code 0; from 16.7 it crashes the writer with 'Error: write EPIPE' (exit 1). Which kind of pipe stdout is does not change it."
source: https://github.com/nodejs/help/issues/1110; https://github.com/nodejs/node/issues/48786
tags: [output, signals, errors, exit-codes]
why: "Node ignores SIGPIPE, so a write to a pipe with no reader left fails with EPIPE rather than killing the process, on a FIFO as on a socket. What becomes of that error is the console's business, and it changed in 16.7 for both: the failed write is no longer swallowed but emitted as an 'error' on process.stdout, which nobody listens to."
instead: "Handle it where the output goes: process.stdout.on('error', (err) => { if (err.code === 'EPIPE') process.exit(0); else throw err; }), which is what `| head` users expect of a command-line tool."
links: [https://nodejs.org/api/process.html#a-note-on-process-io, https://github.com/nodejs/node/issues/48786]
changes: [{ in: '16.7.0', what: "console.log() no longer swallows the EPIPE of a stdout whose reader has gone, on a FIFO as on a socket pair (output/console-log-closed-pipe states the same release)", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V16.md#16.7.0' }]
---*/
// The writer (this file, run as a child) writes to a FIFO whose only reader, this process, has
// closed its end before the first write: as when `head -n 1` has exited.
const { execFileSync, spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

if (process.argv[2] === 'writer') {
  process.stdin.once('data', () => {
    console.log('first line');
    setTimeout(() => console.log('second line'), 50);
  });
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'closed-fifo-'));
  const fifo = path.join(dir, 'stdout');
  execFileSync('mkfifo', [fifo]);
  // A non-blocking open of the read end returns at once, so the write end can then be opened.
  const readEnd = fs.openSync(fifo, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  const writeEnd = fs.openSync(fifo, 'w');
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['pipe', writeEnd, 'pipe'] });
  fs.closeSync(writeEnd);
  fs.closeSync(readEnd); // the reader goes away
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end('go\n'); // then the writer starts writing
  child.on('close', (code, signal) => {
    fs.unlinkSync(fifo);
    fs.rmdirSync(dir);
    console.log(`writer: code ${code}, signal ${signal}`);
    const error = stderr.split('\n').filter((l) => /^Error: /.test(l));
    console.log(`writer's stderr: ${error.length ? error.join(' | ') : 'nothing'}`);
  });
}

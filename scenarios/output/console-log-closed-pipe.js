/*---
claim: "console.log() to a stdout pipe whose reader has gone: up to Node 16.6 the EPIPE error is swallowed and the writer exits with code 0; from 16.7 (pinned 16 on) it escapes as an unhandled 'error' event on process.stdout and the writer crashes with code 1. It is never killed by SIGPIPE."
source: https://nodejs.org/api/console.html#new-consoleoptions
tags: [output, signals, errors, exit-codes]
why: "Node ignores SIGPIPE, so writing to a pipe nobody reads fails with EPIPE instead of killing the process. The global console is created with ignoreErrors and used to swallow the failed write; from 16.7 the EPIPE reaches process.stdout's 'error' event instead, and with no listener there the process crashes (a plain process.stdout.write() crashes on every version). This is what node app.js | head does on a long output."
instead: "process.stdout.on('error', (err) => { if (err.code === 'EPIPE') process.exit(0); else throw err; })"
changes: [{ in: '16.7.0', what: "console.log() no longer swallows the EPIPE of a closed stdout pipe (process.stdout.write() never did). The console and stream write functions read the same in 16.6.2 and 16.7.0, while 16.7.0 updated libuv from 1.41.0 to 1.42.0; the exact commit is not pinned down", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V16.md#16.7.0' }]
---*/
// The writer (this file, run as a child) prints only after its reader has closed the pipe.
const { spawn } = require('child_process');

if (process.argv[2] === 'writer') {
  process.stdin.once('data', () => {
    console.log('first line');
    setTimeout(() => console.log('second line'), 50);
  });
} else {
  const child = spawn(process.execPath, [__filename, 'writer'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.destroy(); // the reader goes away
  child.stdin.end('go\n'); // then the writer starts writing
  child.on('close', (code, signal) => {
    console.log(`writer: code ${code}, signal ${signal}`);
    const error = stderr.split('\n').filter((l) => /^Error: /.test(l));
    console.log(`writer's stderr: ${error.length ? error.join(' | ') : 'nothing'}`);
  });
}

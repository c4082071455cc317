/*---
claim: "A fatal V8 error (here the heap running out under --max-old-space-size=16) prints 'FATAL ERROR: ... JavaScript heap out of memory' and does not exit with the documented code 5: on Linux Node aborts, so the process dies by SIGABRT (134 in a shell), and no 'exit' listener runs."
source: https://nodejs.org/api/process.html#exit-codes
tags: [exit-codes, exit, signals, diagnostics]
timeout: 30000
not-on: { bun: "its child gets Node's --max-old-space-size, which Bun ignores (https://github.com/oven-sh/bun/pull/34924): the child would fill the machine's memory until the time limit" }
why: Node's fatal-error handler prints the message and calls abort(). Code 5 is what the documentation lists for fatal V8 errors, but a process manager on Linux sees a signal death (and a core dump where they are enabled). The scenario runs the allocating script as a child with core dumps off, in a temporary directory it removes.
instead: Watch for SIGABRT as well as exit code 5; raise --max-old-space-size or fix the leak.
changes: [{in: '12.17.0', what: 'the fatal error no longer writes a diagnostic report file (report.*.json) into the working directory unless asked to with --report-on-fatalerror (13.x from 13.12.0)', link: 'https://github.com/nodejs/node/pull/32207'}, {in: '13.12.0', what: 'the same on the 13.x line', link: 'https://github.com/nodejs/node/pull/32207'}]
---*/
var childProcess = require('child_process');
var fs = require('fs');
var os = require('os');
var path = require('path');

var dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-async-spec-'));
var r = childProcess.spawnSync('/bin/sh', ['-c', 'ulimit -c 0 && exec "$@"', 'sh', process.execPath, '--max-old-space-size=16', path.join(__dirname, '_oom.js')], { cwd: dir, encoding: 'utf8' });
var left = fs.readdirSync(dir);
left.forEach(function (name) {
  fs.unlinkSync(path.join(dir, name));
});
fs.rmdirSync(dir);

console.log('child ended by: ' + (r.signal ? r.signal : 'exit code ' + r.status));
console.log('stderr has FATAL ERROR: ' + /^FATAL ERROR: .*JavaScript heap out of memory$/m.test(r.stderr));
console.log('files left in its directory: ' + left.length);

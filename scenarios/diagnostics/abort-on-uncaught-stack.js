/*---
claim: "With --abort-on-uncaught-exception the report V8 prints before the process dies by a signal is 'Uncaught Error: boom', then 'FROM' and the stack of the throw, one frame a line (the timer callback first); from 12.11.0 until 20.10.0 and 21.1.0 the frames are missing and the report ends at 'FROM'."
source: https://github.com/nodejs/node/issues/32981
tags: [diagnostics, uncaughtException, signals]
timeout: 20000
why: With the flag, V8 does not hand the exception to Node; it prints its own short report (message, 'FROM', frames) and crashes on purpose so that a core file captures the state. For some releases that report lost its frames, which left the core dump as the only way to find where the error was thrown. The scenario runs the crashing script as a child, with core dumps off, in a temporary directory it removes.
instead: Do not rely on the abort report for the stack; log err.stack in an 'uncaughtException' listener (which makes the flag a no-op for that error) or read the stack from the core file with llnode.
links: [https://nodejs.org/api/cli.html#--abort-on-uncaught-exception, https://github.com/nodejs/node/issues/22848]
changes:
  - {in: '12.11.0', what: "the abort report has no frames after 'FROM'", link: 'https://github.com/nodejs/node/issues/32981'}
  - {in: '20.10.0', what: "the frames after 'FROM' are printed again (backport of the 21.1.0 change)", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V20.md#20.10.0'}
  - {in: '21.1.0', what: "the frames after 'FROM' are printed again", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V21.md#21.1.0'}
---*/
var childProcess = require('child_process');
var fs = require('fs');
var os = require('os');
var path = require('path');

// The child runs under `ulimit -c 0` in a fresh temporary directory (as diagnostics/_isolated.js
// does): its crash must not leave a core file of hundreds of MB anywhere.
var dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-async-spec-'));
var fixture = path.join(__dirname, '_throw-in-timer.js');
var args = ['-c', 'ulimit -c 0 && exec "$@"', 'sh', process.execPath, '--abort-on-uncaught-exception', fixture];
var r = childProcess.spawnSync('/bin/sh', args, { cwd: dir, encoding: 'utf8' });
var left = fs.readdirSync(dir);
left.forEach(function (name) {
  fs.unlinkSync(path.join(dir, name));
});
fs.rmdirSync(dir);

var lines = r.stderr.split('\n');
var from = lines.indexOf('FROM');
console.log('child ended by: ' + (r.signal ? 'a signal' : 'exit code ' + r.status));
console.log('first line: ' + lines[0]);
console.log('has FROM: ' + (from !== -1));
// The frame V8 prints first is the timer callback that threw, at line 5 column 3 of the fixture.
console.log('frame after FROM: ' + (from !== -1 && /^Timeout\._onTimeout \(.*_throw-in-timer\.js:5:3\)$/.test(lines[from + 1] || '')));
console.log('files left in its directory: ' + left.length);

/*---
claim: "Rethrowing the error from an 'uncaughtException' listener ends the process with exit code 7, and the crash report shows the error with the stack of where it was first thrown (the function that threw it and the timer that called it); only 12.6.0 printed it with no stack at all."
source: https://github.com/nodejs/node/issues/28550
tags: [errors, uncaughtException, exit-codes]
why: "A throw inside the handler for an uncaught exception is a failure of the fatal-exception handling itself, so the process ends with 7. A rethrown Error keeps the stack it got when it was created; the report prints it under the source line of the rethrow (`throw err;`). Node 12.6.0 lost the stack of an error rethrown this way; 12.7.0 brought it back."
instead: Do not rethrow from the listener; log err.stack yourself and call process.exit(1).
links: [https://nodejs.org/api/process.html#exit-codes]
changes:
  - {in: '12.6.0', what: 'the report of an error rethrown from the listener shows no stack frames, only `throw err;` and `Error: original`', link: 'https://github.com/nodejs/node/issues/28550'}
  - {in: '12.7.0', what: 'the stack of the rethrown error is printed again', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V12.md#12.7.0'}
---*/
// The report is read from a child: which stack lines it has is the claim, and the spec's checks
// of a scenario's own stderr leave stack-frame lines out when comparing releases.
var childProcess = require('child_process');
var path = require('path');

var r = childProcess.spawnSync(process.execPath, [path.join(__dirname, '_rethrow.js')], { encoding: 'utf8' });
var lines = r.stderr.split('\n');
console.log('child exit code: ' + r.status);
console.log('report shows the rethrow line: ' + lines.some(function (l) { return /^\s*throw err;$/.test(l); }));
console.log('report shows the error: ' + lines.some(function (l) { return /^Error: original$/.test(l); }));
console.log('report shows the first throw: ' + lines.some(function (l) { return /^\s+at firstThrow \(/.test(l); }));
console.log('report shows the timer: ' + lines.some(function (l) { return /^\s+at (Timeout\.)?tick[ (]/.test(l); }));

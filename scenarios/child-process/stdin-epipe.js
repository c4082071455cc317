/*---
claim: "Writing to the stdin of a child that is still running but has closed its input emits 'error' with code EPIPE on child.stdin; with no listener there, the parent crashes with exit code 1."
source: https://nodejs.org/api/child_process.html#subprocessstdin; https://nodejs.org/api/errors.html#common-system-errors
tags: [child-process, errors, streams, uncaughtException, exit-codes]
why: "child.stdin is a stream like any other: a failed write is reported as its 'error' event, and an 'error' event with no listener throws. A child that closes its stdin (or a program that stops reading early, like `head`) turns the next write into EPIPE."
instead: "Add child.stdin.on('error', ...) whenever you write to a child's stdin."
changes:
  - {in: '13.0.0', what: "the printed error's errno is the number -32 instead of the string 'EPIPE'", link: 'https://github.com/nodejs/node/pull/28140'}
---*/
var spawn = require('child_process').spawn;

process.on('exit', function (code) {
  child.kill(); // the child would otherwise wait forever
  console.log('parent exit ' + code);
});
var child = spawn(process.execPath, [__dirname + '/_close-stdin.js']);
child.stdout.once('data', function () {
  console.log('child closed its stdin; writing to it');
  child.stdin.write('hello\n');
});

/*---
claim: "Spawning a program that does not exist with no 'error' listener crashes the parent: an uncaught `Error: spawn no-such-program-4f2a ENOENT`, exit code 1."
source: https://nodejs.org/api/child_process.html#event-error; https://nodejs.org/api/events.html#error-events
tags: [child-process, errors, uncaughtException, exit-codes]
changes:
  - {in: '13.0.0', what: "the printed error's errno is the number -2 instead of the string 'ENOENT'", link: 'https://github.com/nodejs/node/pull/28140'}
---*/
var spawn = require('child_process').spawn;

process.on('exit', function (code) {
  console.log('parent exit ' + code);
});
spawn('no-such-program-4f2a');
console.log('spawn() returned');

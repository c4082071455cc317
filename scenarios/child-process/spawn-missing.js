/*---
claim: "Spawning a program that does not exist does not throw: the ChildProcess emits 'error' (code ENOENT, syscall 'spawn <name>'), then 'close' with code -2 and no signal; 'exit' never fires and the child has no pid."
source: https://nodejs.org/api/child_process.html#event-error
tags: [child-process, errors, events]
why: "spawn() returns a ChildProcess at once and reports the failed exec asynchronously, as an 'error' event. No process ever ran, so there is no 'exit'; the stdio pipes are closed, so 'close' still comes, with the negated errno (-2, ENOENT) as its code."
instead: "Always listen for 'error' on a ChildProcess, and use 'close' (not 'exit') to know it is over; an 'error' with no listener crashes the parent."
---*/
var spawn = require('child_process').spawn;

var child = spawn('no-such-program-4f2a', ['--version']);
console.log('pid: ' + child.pid);
child.on('error', function (err) {
  console.log('error: ' + err.code + ', syscall ' + err.syscall + ', path ' + err.path);
});
child.on('exit', function (code, signal) {
  console.log('exit: ' + code + ' ' + signal);
});
child.on('close', function (code, signal) {
  console.log('close: ' + code + ' ' + signal);
});

/*---
claim: "Destroying child.stdin does not end a child that does not read its stdin: 1 s later it is still running (exitCode null), until it is killed."
source: https://github.com/sindresorhus/execa/issues/786
tags: [child-process, streams, signals]
why: "child.stdin is only the parent's end of a pipe. Destroying it closes that end, which a child sees as end of input, and only if it reads. Nothing is sent to the child process itself: ending it takes a signal (child.kill())."
instead: "End a child with child.kill() (and wait for 'exit'); end its stdin only to tell a child that reads it that the input is over."
links: [https://nodejs.org/api/child_process.html#subprocessstdin, https://nodejs.org/api/child_process.html#subprocesskillsignal]
---*/
var spawn = require('child_process').spawn;

// The child never reads stdin; it ends by itself after 8 s at the latest.
var child = spawn(process.execPath, ['-e', 'setTimeout(function () {}, 8000)'], { stdio: ['pipe', 'ignore', 'inherit'] });
child.stdin.destroy();
console.log('child.stdin destroyed: ' + child.stdin.destroyed);
setTimeout(function () {
  console.log('1 s later: exitCode ' + child.exitCode + '; calling child.kill()');
  child.kill();
}, 1000);
child.on('exit', function (code, signal) {
  console.log('exit: ' + code + ' ' + signal);
});

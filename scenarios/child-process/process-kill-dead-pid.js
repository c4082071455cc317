/*---
claim: "Once a child has exited, child.kill() returns false and does nothing, while process.kill(child.pid) throws `kill ESRCH` synchronously (uncaught, it would crash the parent)."
source: https://github.com/nodejs/node/issues/14556; https://github.com/nodejs/node-v0.x-archive/issues/1811
tags: [child-process, signals, errors]
why: "A ChildProcess knows when its process has been reaped and refuses to signal it, so kill() just reports that no signal was sent. process.kill() is the raw kill(2) system call on a number: when no process has that pid it fails with ESRCH, and Node turns the failure into a thrown error."
instead: "Signal your own children with child.kill(); wrap process.kill(pid, ...) in try/catch (process.kill(pid, 0) is the usual way to ask whether a pid is alive)."
links: [https://nodejs.org/api/process.html#processkillpid-signal, https://nodejs.org/api/child_process.html#subprocesskillsignal]
---*/
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
child.on('exit', function (code) {
  console.log('child exited with ' + code);
  console.log('child.kill() returned ' + child.kill());
  try {
    process.kill(child.pid);
    console.log('process.kill(child.pid) returned');
  } catch (e) {
    console.log('process.kill(child.pid) threw: ' + e.message + ' (code ' + e.code + ', syscall ' + e.syscall + ')');
  }
});

/*---
claim: "exec() with a timeout kills only the /bin/sh it started: at the time limit the callback gets an error with killed true, signal 'SIGTERM' and code null, but the program the shell was running is still running afterwards (the scenario then kills it itself)."
source: https://github.com/nodejs/node-v0.x-archive/issues/1811; https://github.com/nodejs/node/issues/11052; https://github.com/suredone/qdone/issues/25; https://github.com/apmantza/pi-lens/issues/2026
tags: [child-process, signals, shutdown]
timeout: 10000
why: "exec() runs the command through `/bin/sh -c`, and the timeout (like child.kill()) signals only that one process, the shell. A shell that forks to run a program (it does whenever more follows it, as `; echo done` here) dies of the SIGTERM, but the signal is not passed on: the program goes on as an orphan. exec() also destroys its end of the pipes, so the callback does not wait for that program."
instead: "Start the command with spawn() and `detached: true`, so that it leads a process group of its own, and at your time limit kill the whole group with `process.kill(-child.pid, 'SIGTERM')` (see detached-group-kill); or have the shell exec the program (`exec prog`) so that the shell's pid becomes the program's."
links: [https://nodejs.org/api/child_process.html#child_processexeccommand-options-callback, https://nodejs.org/api/child_process.html#subprocesskillsignal]
---*/
var exec = require('child_process').exec;

// The shell runs a second shell that prints its own pid and then becomes `sleep 30` (exec keeps
// the pid), so the program's pid is known; `; echo done` makes the outer shell fork for it. The
// program prints its pid within milliseconds; the 2 s time limit is a wide margin for that on a
// loaded machine, and the program would run for 30 s, far past it.
exec("sh -c 'echo $$; exec sleep 30'; echo done", { timeout: 2000 }, function (err, stdout) {
  console.log('callback: killed ' + err.killed + ', signal ' + err.signal + ', code ' + err.code);
  console.log('stdout: ' + JSON.stringify(stdout.replace(/^\d+\n/, '<pid>\n')));
  var pid = parseInt(stdout, 10);
  var alive = true;
  try {
    process.kill(pid, 0); // signal 0: only checks that the process exists
  } catch (e) {
    alive = false;
  }
  console.log('the program the shell started is still running: ' + alive);
  if (alive) process.kill(pid, 'SIGKILL'); // clean up
});

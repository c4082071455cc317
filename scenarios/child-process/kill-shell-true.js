/*---
claim: "With spawn(command, { shell: true }), child.pid is the shell's pid and child.kill() ends only the shell: 'exit' reports null and 'SIGTERM' while the program the shell started is still running, and 'close' comes only once that program has been ended too (here by the scenario)."
source: https://github.com/nodejs/node/issues/46865; https://github.com/nodejs/node/issues/2098; https://github.com/nodejs/node/issues/40438; https://github.com/sindresorhus/execa/pull/419
tags: [child-process, signals, shutdown, streams]
why: "shell: true runs the command as `/bin/sh -c command`; the ChildProcess is the shell, and kill() signals that one process. A shell that forked to run a program dies of the SIGTERM without passing it on. The program keeps running and keeps the stdout pipe it inherited open, so 'exit' comes and 'close' does not."
instead: "Spawn with `detached: true` and kill the process group, `process.kill(-child.pid, 'SIGTERM')`; or spawn the program itself without a shell, so that child.pid is the program."
links: [https://nodejs.org/api/child_process.html#subprocesskillsignal, https://nodejs.org/api/child_process.html#subprocesspid]
---*/
var spawn = require('child_process').spawn;

// A second shell prints its own pid and then becomes `sleep 30` (exec keeps the pid); `; echo done`
// makes the outer shell fork for it rather than exec it.
var child = spawn("sh -c 'echo $$; exec sleep 30'; echo done", { shell: true, stdio: ['ignore', 'pipe', 'inherit'] });
var pid = 0;
function running(p) {
  try {
    process.kill(p, 0); // signal 0: only checks that the process exists
    return true;
  } catch (e) {
    return false;
  }
}
child.stdout.once('data', function (d) {
  pid = parseInt(String(d), 10);
  console.log('the program is running; child.pid is its pid: ' + (pid === child.pid));
  console.log('kill() returned ' + child.kill());
});
child.on('exit', function (code, signal) {
  console.log('exit: ' + code + ' ' + signal + ', the program still running: ' + running(pid));
  process.kill(pid, 'SIGKILL'); // clean up; this also lets 'close' come
});
child.on('close', function (code, signal) {
  console.log('close: ' + code + ' ' + signal);
});

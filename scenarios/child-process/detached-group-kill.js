/*---
claim: "Spawned with { shell: true, detached: true }, the shell leads a process group of its own, and process.kill(-child.pid, 'SIGTERM') ends the shell and the program it started: 'exit' reports null and 'SIGTERM', and 'close' follows, which it can only once the program holding the stdout pipe has ended too."
source: https://github.com/nodejs/node-v0.x-archive/issues/1811; https://github.com/nodejs/node/issues/2039; https://github.com/yerzhansa/enduragent/pull/198; https://github.com/apmantza/pi-lens/pull/2027
tags: [child-process, signals, shutdown]
why: "detached: true makes the child call setsid(), so it leads a new process group and every process it starts joins that group. A negative pid sends the signal to the whole group, so it reaches the program the shell forked, which child.kill() does not. 'close' waits for every holder of the child's stdout, so its arrival shows the program is gone."
instead: "This is the pattern: spawn with detached: true, kill with process.kill(-child.pid, signal). A detached child is not in your own group either, so end it yourself on shutdown."
links: [https://nodejs.org/api/child_process.html#optionsdetached, https://nodejs.org/api/process.html#processkillpid-signal]
---*/
var spawn = require('child_process').spawn;

// As in kill-shell-true: a second shell prints its pid and becomes `sleep 30`; `; echo done` makes
// the outer shell fork for it.
var child = spawn("sh -c 'echo $$; exec sleep 30'; echo done", { shell: true, detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
var pid = 0;
child.stdout.once('data', function (d) {
  pid = parseInt(String(d), 10);
  console.log('the program is running; child.pid is its pid: ' + (pid === child.pid));
  process.kill(-child.pid, 'SIGTERM');
});
child.on('exit', function (code, signal) {
  console.log('exit: ' + code + ' ' + signal);
});
child.on('close', function (code, signal) {
  console.log('close: ' + code + ' ' + signal);
});
// The group is outside the scenario's own, which the harness kills: if anything were left, end it.
process.on('exit', function () {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch (e) {
    // the group is gone, as claimed
  }
});

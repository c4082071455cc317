/*---
claim: "Node does not end its children when it ends: a plain (not detached) child is still running after its parent called process.exit(0), and after its parent was killed with SIGKILL (the scenario then kills both children itself)."
source: https://github.com/nodejs/node/issues/14556; https://github.com/nodejs/node/issues/13538; https://github.com/nodejs/help/issues/1790; https://github.com/HarperFast/harper/issues/2388
tags: [child-process, exit, shutdown, signals]
why: "A child process is a separate process: when its parent ends, by process.exit() or by a signal, the kernel only hands it to a new parent (init or a subreaper). Node keeps no list of children to kill on the way out, and a SIGKILLed process runs no code at all. detached: false only means the child stays in the parent's process group, so a signal sent to the whole group (Ctrl-C in a terminal) reaches it; a signal sent to the parent alone does not."
instead: "End your children yourself on shutdown (child.kill() from your exit and signal handlers), have children notice that their parent is gone (the IPC 'disconnect' event of fork(), or stdin reaching its end), or signal the whole process group."
links: [https://nodejs.org/api/child_process.html#optionsdetached, https://nodejs.org/api/child_process.html#subprocesskillsignal]
---*/
var childProcess = require('child_process');

function running(pid) {
  try {
    process.kill(pid, 0); // signal 0: only checks that the process exists
    return true;
  } catch (e) {
    return false;
  }
}

if (process.argv[2] === 'parent') {
  // The parent: a plain child (a long sleep, stdio ignored so it holds none of the parent's pipes), then an exit or a wait.
  var child = childProcess.spawn('sleep', ['30'], { stdio: 'ignore' });
  console.log(child.pid);
  if (process.argv[3] === 'exit') process.exit(0);
} else {
  // 1: the parent calls process.exit(0).
  var r = childProcess.spawnSync(process.execPath, [__filename, 'parent', 'exit'], { encoding: 'utf8' });
  var first = parseInt(r.stdout, 10);
  console.log('parent called process.exit(0): status ' + r.status + ', its child still running: ' + running(first));
  process.kill(first, 'SIGKILL'); // clean up

  // 2: the parent is killed with SIGKILL once it has started its child.
  var parent = childProcess.spawn(process.execPath, [__filename, 'parent', 'wait'], { stdio: ['ignore', 'pipe', 'inherit'] });
  var second = 0;
  parent.stdout.once('data', function (d) {
    second = parseInt(String(d), 10);
    parent.kill('SIGKILL');
  });
  parent.on('exit', function (code, signal) {
    console.log('parent killed: ' + code + ' ' + signal + ', its child still running: ' + running(second));
    process.kill(second, 'SIGKILL'); // clean up
  });
}

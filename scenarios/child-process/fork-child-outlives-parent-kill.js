/*---
claim: "A fork()ed child is not ended when its parent is killed with SIGKILL: its IPC channel closes, so 'disconnect' fires in the child, but a child with a timer left keeps running (the scenario then kills it)."
source: https://github.com/nodejs/help/issues/1790; https://github.com/HarperFast/harper/issues/2388
tags: [child-process, signals, shutdown, exit]
why: "A killed process runs no code, so it cannot tell its children to stop, and the kernel does not end children with their parent. What the child does notice is its end of the IPC channel closing: Node emits 'disconnect' on process. Ending the child then is the child's own business; an ordinary forked child (unlike a cluster worker, child-process/cluster-worker-dies-with-primary) does nothing by default."
instead: "In a forked child that must not outlive its parent, exit from process.on('disconnect', ...)."
links: [https://nodejs.org/api/process.html#event-disconnect, https://nodejs.org/api/child_process.html#child_processforkmodulepath-args-options]
---*/
var childProcess = require('child_process');

if (process.argv[2] === 'child') {
  process.on('disconnect', function () {
    console.log('child: disconnect (its parent is gone)');
  });
  console.log('child: started, pid ' + process.pid);
  // Its own limit: it ends after 8 s if the scenario has not killed it by then.
  setTimeout(function () {}, 8000);
} else if (process.argv[2] === 'parent') {
  // The child writes to the same stdout pipe as this parent.
  childProcess.fork(__filename, ['child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
} else {
  var parent = childProcess.spawn(process.execPath, [__filename, 'parent'], { stdio: ['ignore', 'pipe', 'inherit'] });
  var childPid = 0;
  var text = '';
  var parentSignal = null;
  var sawDisconnect = false;
  var checked = false;
  // The check runs once both have happened, in whichever order they came: the parent's 'exit'
  // (here) and the child's 'disconnect' line (on the pipe).
  function check() {
    if (checked || !parentSignal || !sawDisconnect) return;
    checked = true;
    console.log('parent ended by ' + parentSignal + "; child: 'disconnect' came");
    // Wait a moment to see the child carry on.
    setTimeout(function () {
      var alive = true;
      try { process.kill(childPid, 0); } catch (e) { alive = false; }
      console.log('300 ms later the child is still running: ' + alive);
      if (alive) process.kill(childPid, 'SIGKILL');
    }, 300);
  }
  parent.stdout.setEncoding('utf8');
  parent.stdout.on('data', function (d) {
    text += d;
    var m = /child: started, pid (\d+)\n/.exec(text);
    if (m && !childPid) {
      childPid = Number(m[1]);
      console.log('child started; killing its parent with SIGKILL');
      parent.kill('SIGKILL');
    }
    if (text.indexOf('child: disconnect') !== -1) {
      sawDisconnect = true;
      check();
    }
  });
  parent.on('exit', function (code, signal) {
    parentSignal = signal || 'exit code ' + code;
    check();
  });
}

/*---
claim: "A running child process keeps its parent alive, even with stdio 'ignore' (an unref'd 300 ms timer still fires); child.unref(), without detached, lets the parent exit with code 0 at once while the child goes on running."
source: https://github.com/nodejs/node/issues/5614
tags: [handles, event-loop, child-process]
why: "A spawned child is a process handle in the parent's loop, active until the child exits, so the parent waits for it (and for its stdio pipes, when there are any). unref() takes the process handle out of the loop's count, which is all the parent needs to exit; detached is another matter (whether the child gets a process group of its own, and so survives a signal to the parent's group). The child here watches for its parent and leaves 50 ms after the parent has gone, so that nothing outlives the run."
instead: "Wait for children you need; unref() one that should outlive the parent (with stdio 'ignore', or its pipes hold the parent too), and add detached: true if it must also survive the parent's terminal or process group."
links: [https://github.com/robrich/gulp-exec/issues/35, https://nodejs.org/api/child_process.html#subprocessunref]
---*/
var spawn = require('child_process').spawn;

process.on('exit', function (code) {
  console.log('exit with code ' + code + '; child still running: ' + running());
});

var child = spawn(process.execPath, [__dirname + '/_sleeper.js'], { stdio: 'ignore' });
child.on('exit', function (code, signal) {
  console.log('child exited: ' + code + ' ' + signal);
});
function running() {
  try {
    process.kill(child.pid, 0);
    return true;
  } catch (e) {
    return false;
  }
}

// unref'd: it fires only if something else (the child) keeps the loop running for 300 ms.
setTimeout(function () {
  console.log('still alive after 300 ms; calling child.unref()');
  child.unref();
}, 300).unref();
console.log('child started');

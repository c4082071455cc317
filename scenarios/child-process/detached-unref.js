/*---
claim: "A detached, unref'd child does not keep the parent alive and is not killed when the parent exits: in the parent's 'exit' listener the child is still running (this scenario then kills it itself, since it is in a process group of its own)."
source: https://nodejs.org/api/child_process.html#optionsdetached
tags: [child-process, exit, handles, signals]
why: "unref() takes the child out of what the parent's event loop waits for, and Node never kills its children when it exits. detached: true also puts the child in a new process group (and session), so a signal sent to the parent's group, like Ctrl-C in a terminal, does not reach it either."
instead: "Keep a reference to long-lived children and end them on shutdown; use detached + unref only for work that must outlive the parent."
---*/
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, [__dirname + '/_wait-forever.js'], { detached: true, stdio: 'ignore' });
child.unref();

process.on('exit', function (code) {
  var alive = true;
  try {
    process.kill(child.pid, 0); // signal 0: only checks that the process exists
  } catch (e) {
    alive = false;
  }
  console.log('parent exit ' + code + ', child still running: ' + alive);
  // Clean up: the harness ends the scenario's process group, and this child is not in it.
  process.kill(-child.pid, 'SIGKILL');
});
console.log('end of parent code');

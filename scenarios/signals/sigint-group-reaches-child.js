/*---
claim: "A SIGINT sent to a whole process group, as Ctrl-C in a terminal does, reaches a child process too: a parent that listens for SIGINT survives it, but its child, which has no listener, is killed by it, so the parent's 'exit' event for the child reports code null and signal SIGINT: whatever the parent's listener meant to do with the child, the child is already gone."
source: https://github.com/fish-shell/fish-shell/issues/5139
tags: [signals, child-process, shutdown]
why: "Ctrl-C makes the terminal send SIGINT to every process in its foreground process group, and a spawned child stays in its parent's group unless it is detached. The parent's SIGINT listener only changes what SIGINT does to the parent; the child, a process of its own, gets its own copy of the signal and ends by its default action. The scenario plays the terminal: it starts the parent detached (so it leads a group of its own) and sends SIGINT to that group with process.kill(-pid)."
instead: "If the children must outlive Ctrl-C so that the parent can stop them in order, spawn them with detached: true (their own group) and signal them yourself on shutdown; or give them SIGINT handling of their own."
links: [https://github.com/home-assistant/core/pull/1155, https://github.com/h2o/h2o/pull/444, https://nodejs.org/api/child_process.html#optionsdetached]
---*/
var spawn = require('child_process').spawn;

if (process.argv[2] === 'parent') {
  var child = spawn(process.execPath, [__dirname + '/_idle-child.js'], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The SIGINT listener and the child's 'exit' come from two signals that arrive together (SIGINT,
  // and SIGCHLD once the child is dead), in either order, and the listener alone does not keep the
  // process alive: so both are recorded, and printed in a fixed order once both have happened,
  // while this ref'd timer holds the process (and ends the child if the signal never comes).
  var listener = null;
  var childExit = null;
  var safety = setTimeout(function () {
    console.log('parent: after 5 s, listener: ' + listener + ', child exit: ' + childExit + '; ending the child');
    child.kill('SIGKILL');
  }, 5000);
  function report() {
    if (listener === null || childExit === null) return;
    clearTimeout(safety);
    console.log('parent: ' + listener);
    console.log('parent: child exit event: ' + childExit);
  }
  process.on('SIGINT', function () {
    listener = 'SIGINT listener called; the parent carries on';
    report();
  });
  child.stdout.on('data', function (d) {
    if (/ready/.test(String(d))) console.log('parent: child ready');
  });
  child.on('exit', function (code, signal) {
    childExit = code + ' ' + signal;
    report();
  });
} else {
  // The terminal's part: the parent leads a group of its own (detached), and the whole group gets SIGINT.
  var parent = spawn(process.execPath, [__filename, 'parent'], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  var out = '';
  var sent = false;
  parent.stdout.on('data', function (d) {
    out += d;
    if (!sent && /child ready/.test(out)) {
      sent = true;
      process.kill(-parent.pid, 'SIGINT');
    }
  });
  parent.on('close', function (code, signal) {
    process.stdout.write(out);
    console.log('parent ended with code ' + code + ', signal ' + signal);
  });
  process.on('exit', function () {
    // Nothing may outlive the run: if the group is still there (the claim failed), kill it.
    try {
      process.kill(-parent.pid, 'SIGKILL');
    } catch (e) {}
  });
}

/*---
claim: "child.unref() on a fork()ed child does not let the parent exit: the IPC channel still holds the parent, whose unref'd 1 s timer fires; only after child.disconnect() can it exit (the scenario also kills the child)."
source: https://github.com/node-cron/node-cron/pull/599; https://github.com/jiem/start-stop-daemon/pull/8
tags: [child-process, handles, event-loop, exit]
why: "unref() takes the child process itself out of what the parent's event loop waits for, but fork() also opens an IPC channel, and the parent's end of it is a handle of its own that unref() leaves alone. As long as the channel is open, the parent waits."
instead: "To leave a forked child running in the background, call child.disconnect() as well as child.unref() (or use spawn() without IPC, detached and with stdio 'ignore')."
links: [https://nodejs.org/api/child_process.html#subprocessunref, https://nodejs.org/api/child_process.html#subprocessdisconnect]
---*/
var fork = require('child_process').fork;

if (process.argv[2] === 'child') {
  setInterval(function () {}, 1000); // works until it is killed
} else {
  var child = fork(__filename, ['child'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  child.unref();
  // An unref'd timer fires only if something else keeps the parent alive for 1 s.
  setTimeout(function () {
    console.log('1 s later the parent is still running; connected ' + child.connected + '; calling disconnect() and kill()');
    child.disconnect();
    child.kill();
  }, 1000).unref();
  process.on('exit', function (code) {
    console.log('parent exit ' + code);
    child.kill(); // a parent that exits at once leaves its child running: end it
  });
  console.log('end of parent code');
}

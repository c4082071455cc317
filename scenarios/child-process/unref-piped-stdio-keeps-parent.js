/*---
claim: "child.unref() does not let the parent exit while the child's stdout is a pipe: the parent's unref'd 1 s timer still fires (the scenario then kills the child); unref() lets the parent go only when the child holds none of its pipes (see detached-unref, with stdio 'ignore')."
source: https://github.com/oven-sh/bun/pull/41632; https://github.com/nodejs/node/issues/5614
tags: [child-process, handles, event-loop, streams]
why: "unref() takes the child process handle out of what the parent's event loop waits for, but each stdio pipe is a handle of its own, read by the parent and left ref'd. Until the child closes its end, usually when it exits, the pipe keeps the parent alive."
instead: "For a child meant to outlive its parent, pass stdio: 'ignore' (or a file descriptor of a log file) together with detached: true and unref()."
links: [https://nodejs.org/api/child_process.html#subprocessunref, https://nodejs.org/api/child_process.html#optionsdetached]
explains: {hang-child: 2}
---*/
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, [__dirname + '/_wait-forever.js'], { stdio: ['ignore', 'pipe', 'ignore'] });
child.unref();
// An unref'd timer fires only if something else keeps the parent alive for 1 s.
setTimeout(function () {
  console.log('1 s later the parent is still running; killing the child');
  child.kill();
}, 1000).unref();
process.on('exit', function (code) {
  console.log('parent exit ' + code);
  child.kill(); // a parent that exits at once leaves its child running: end it
});
console.log('end of parent code');

/*---
claim: "A shell pipeline run by exec() ends normally when its reader stops early: `yes | head -n 1` gives `y`, nothing on stderr and no error, because Node restores SIGPIPE to its default in the processes it starts (Node itself ignores SIGPIPE)."
source: https://github.com/nodejs/node/issues/13662
tags: [child-process, signals, output]
why: "Node ignores SIGPIPE so that writing to a closed socket is an EPIPE error instead of a silent death. An ignored signal stays ignored across exec, so a child would inherit that and programs like `yes` would see EPIPE errors (`yes: standard output: Broken pipe`) or loop forever. Node sets every signal back to its default in the child before running it, so `yes` dies quietly of SIGPIPE when `head` exits, as in a terminal."
instead: "Nothing to do in a Node child. If you start processes some other way from a program that ignores SIGPIPE, reset it in the child (e.g. `trap - PIPE` is not enough in sh; use a wrapper that restores the default)."
links: [https://nodejs.org/api/process.html#signal-events, https://github.com/libuv/libuv/pull/1336]
---*/
var exec = require('child_process').exec;

exec('yes | head -n 1', { timeout: 5000 }, function (err, stdout, stderr) {
  console.log('error: ' + (err ? err.message : 'none') + '; stdout ' + JSON.stringify(stdout) + '; stderr ' + JSON.stringify(stderr));
});

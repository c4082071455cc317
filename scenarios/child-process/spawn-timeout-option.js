/*---
claim: "spawn()'s timeout option kills the child with SIGTERM when the time is up ('exit' gets null and 'SIGTERM', child.killed is true) from Node 15.13.0 and 14.18.0; before that the option is silently ignored and the child runs to its own end (exit code 0)."
source: https://github.com/nodejs/node/issues/27639; https://github.com/nodejs/node-v0.x-archive/issues/25688; https://github.com/denoland/deno/pull/32283
tags: [child-process, signals, timers]
why: "Only exec(), execFile() and the synchronous functions had a timeout until spawn() and fork() got `timeout` and `killSignal`. An unknown option is not an error, so on an older Node the same code runs without a time limit, and a hanging child hangs its parent."
instead: "On a Node without it, start your own timer and call child.kill() (clear it on 'exit'). Either way the timeout sends one signal: a child that handles SIGTERM keeps running."
links: [https://nodejs.org/api/child_process.html#child_processspawncommand-args-options]
changes: [{in: '14.18.0', what: 'spawn() and fork() take `timeout` and `killSignal` (backport of 15.13.0)', link: 'https://github.com/nodejs/node/pull/37256'}, {in: '15.13.0', what: 'spawn() and fork() take `timeout` and `killSignal`: the child is killed when the time is up (the npm registry lacks 15.13.0: 15.12.0 ignores the option, 15.14.0 honours it; the documentation dates it 15.13.0)', link: 'https://github.com/nodejs/node/pull/37256'}]
---*/
var spawn = require('child_process').spawn;

// The child's own 2 s timer starts only once it is running, so it always ends after a 300 ms time
// limit counted from spawn(), however slowly it starts.
var child = spawn(process.execPath, ['-e', 'setTimeout(function () { console.log("child ran to its end") }, 2000)'], { timeout: 300, stdio: ['ignore', 'inherit', 'inherit'] });
child.on('exit', function (code, signal) {
  console.log('exit: ' + code + ' ' + signal + ', killed ' + child.killed);
});

/*---
claim: "When stdout is a socket pair (what child_process gives a child, and the harness by default), process.stdout is a net.Socket, isTTY undefined and no columns on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io; https://nodejs.org/api/tty.html#writestreamistty; docs/research/user-report-candidates.md (Stdout-kind-dependent candidates)
tags: [output, streams]
stdio: socket
why: "Node picks process.stdout's class by what fd 1 is: a pipe or a socket becomes a net.Socket, written asynchronously on POSIX. isTTY is set only on a terminal's stream (it is undefined, not false, elsewhere), so `if (process.stdout.isTTY)` is how a program tells a terminal from everything else."
---*/
console.log('process.stdout is a ' + process.stdout.constructor.name + ', isTTY ' + process.stdout.isTTY + ', columns ' + typeof process.stdout.columns);

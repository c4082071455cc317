/*---
claim: "When stdout is a FIFO (a shell pipe, a CI runner, a container log), process.stdout is a net.Socket, isTTY undefined and no columns on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io; https://nodejs.org/api/tty.html#writestreamistty; docs/research/user-report-candidates.md (Stdout-kind-dependent candidates)
tags: [output, streams]
stdio: pipe
why: "A FIFO (what a shell's | gives) is opened as a pipe handle, the same net.Socket class as a socket pair, and written the same asynchronous way on POSIX: a program cannot tell a shell pipe from a parent's socket pair by its stream."
---*/
console.log('process.stdout is a ' + process.stdout.constructor.name + ', isTTY ' + process.stdout.isTTY + ', columns ' + typeof process.stdout.columns);

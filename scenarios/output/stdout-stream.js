/*---
claim: "What process.stdout is depends on what fd 1 is: a net.Socket for a socket pair or a FIFO, a SyncWriteStream (written synchronously) for a regular file, and a tty.WriteStream with isTTY true and a number of columns only for a terminal; isTTY is undefined, not false, everywhere else, on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io; https://nodejs.org/api/tty.html#writestreamistty; https://github.com/nodejs/node/issues/39673; https://github.com/mbostock/rw/issues/3; docs/research/user-report-candidates.md (F25)
tags: [output, streams]
stdio: [socket, pipe, file, tty]
why: "Node picks process.stdout's class by what fd 1 is. A pipe or a socket becomes a net.Socket, written asynchronously on POSIX: a program cannot tell a shell pipe from a parent's socket pair by its stream. A regular file gets an internal SyncWriteStream that calls fs.writeSync: no 'drain' is ever needed, and process.exit() loses nothing. A terminal gets a tty.WriteStream: isTTY true, columns and rows the terminal's size. Code that formats for humans checks isTTY, so the same program prints differently under a pipe or a CI runner. Bun and Deno give other classes (and Deno isTTY false rather than undefined)."
---*/
console.log('process.stdout is a ' + process.stdout.constructor.name + ', isTTY ' + process.stdout.isTTY + ', columns ' + typeof process.stdout.columns);

/*---
claim: "When stdout is a regular file (> file), process.stdout is a SyncWriteStream (written synchronously), isTTY undefined and no columns on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io; https://nodejs.org/api/tty.html#writestreamistty; docs/research/user-report-candidates.md (Stdout-kind-dependent candidates)
tags: [output, streams]
stdio: file
why: "For a regular file Node uses an internal SyncWriteStream that calls fs.writeSync: every write is done when write() returns. Not a net.Socket: no 'drain' is ever needed, and process.exit() loses nothing."
---*/
console.log('process.stdout is a ' + process.stdout.constructor.name + ', isTTY ' + process.stdout.isTTY + ', columns ' + typeof process.stdout.columns);

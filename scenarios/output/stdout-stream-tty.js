/*---
claim: "When stdout is a terminal (a pseudo-terminal), process.stdout is a tty.WriteStream with isTTY true and a number of columns on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io; https://nodejs.org/api/tty.html#writestreamistty; docs/research/user-report-candidates.md (Stdout-kind-dependent candidates)
tags: [output, streams]
stdio: tty
why: "On a terminal process.stdout is a tty.WriteStream: isTTY true, columns and rows the terminal's size. Code that formats for humans checks isTTY, so the same program prints differently under a pipe or a CI runner."
---*/
console.log('process.stdout is a ' + process.stdout.constructor.name + ', isTTY ' + process.stdout.isTTY + ', columns ' + typeof process.stdout.columns);

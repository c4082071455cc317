/*---
claim: "process.exit(256) is accepted, the 'exit' listeners receive 256, but the process's exit status is 0: the operating system keeps only the low 8 bits, so a code of 256 reports success."
source: https://nodejs.org/api/process.html#processexitcode
tags: [exit, exitCode, exit-codes]
why: On POSIX systems a process's exit status is 8 bits wide; Node passes the integer through and the kernel truncates it (256 -> 0, 257 -> 1, -1 -> 255).
instead: Keep exit codes between 0 and 255 (1-125 for your own failures; 128+n is read as "killed by signal n").
explains: {exit-code-truncated: 1}
---*/
process.on('exit', function (code) {
  console.log('exit listener got ' + code);
});

process.exit(256);

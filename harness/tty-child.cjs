// Started by `script` (util-linux) on a pseudo-terminal for a run whose stdout is a terminal
// (harness/stdio-tty.ts): node tty-child.cjs <status-file> <fd3|no-fd3> <program> <args...>.
// `script` made it the leader of a new session whose controlling terminal that is, so its process group is the
// scenario's: it writes the group's id to the status file first, runs the program on
// the terminal (fds 0-2, and the observer's fd 3 when open) in its own group, and when the program
// ends writes how (exit code and signal, which `script` cannot tell apart) and kills the whole
// group, itself included: whatever the scenario left behind goes with it, as in every run. When
// the terminal hangs up (`script` killed at a time limit) it kills the group too.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const [status, fd3Word, file, ...args] = process.argv.slice(2);
// Whether the observer's fd 3 is passed on: said by the harness, not guessed (this process's own
// descriptors may take the number 3 when it is not inherited).
const fd3 = fd3Word === 'fd3';
// Its process group, as /proc says (it is started with `exec`, so it should be its own pid).
const stat = fs.readFileSync('/proc/self/stat', 'utf8');
const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
const killGroup = () => {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    process.exit(1); // the group is gone already
  }
};
fs.writeFileSync(status, `${pgid}\n`);
process.on('SIGHUP', killGroup);
const child = spawn(file, args, { stdio: ['inherit', 'inherit', 'inherit', ...(fd3 ? [3] : [])] });
child.on('error', (e) => {
  fs.appendFileSync(status, JSON.stringify({ startError: e.message }) + '\n');
  killGroup();
});
child.on('exit', (code, signal) => {
  fs.appendFileSync(status, JSON.stringify({ code, signal }) + '\n');
  killGroup();
});

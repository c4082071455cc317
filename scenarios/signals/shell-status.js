/*---
claim: "A shell reports a child killed by SIGTERM as status 143 (128 + 15), the same status it reports for a child that called process.exit(143); Node's 'exit' event tells the two apart (null + SIGTERM vs 143 + null)."
source: https://nodejs.org/api/process.html#exit-codes
tags: [signals, child-process, exit-codes]
why: "Shells fold a death by signal n into the status 128 + n. Node's docs list 128 + n among its exit codes for the same reason, but the process itself does not exit with that code: the number is the shell's rendering of the signal."
links: [https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_08_02]
---*/
const { spawn } = require('child_process');

const killed = "process.kill(process.pid, 'SIGTERM')";
const exited = 'process.exit(143)';

function viaShell(code) {
  return new Promise((resolve) => {
    // The shell's own stderr (dash prints 'Terminated') is not part of the claim.
    const sh = spawn('/bin/sh', ['-c', '"$0" -e "$1"; echo "shell status $?"', process.execPath, code], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    sh.stdout.on('data', (d) => (out += d));
    sh.on('close', () => resolve(out.trim()));
  });
}

function direct(code) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
    child.on('exit', (c, s) => resolve(`code ${c}, signal ${s}`));
  });
}

(async () => {
  for (const code of [killed, exited]) {
    console.log(`${code}: ${await viaShell(code)}; in Node: ${await direct(code)}`);
  }
})();

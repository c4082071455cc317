/*---
claim: "A child whose 'SIGTERM' listener lets it end by itself reaches its parent as code 0 and signal null; one whose listener calls process.exit(143) as code 143 and signal null: either way the parent's 'exit' event no longer names the signal."
source: https://nodejs.org/api/child_process.html#event-exit
tags: [signals, child-process, exit-codes, shutdown]
why: "Once a listener handles the signal, the child ends through the normal exit path and reports an exit code like any other exit. Only the default action (no listener) makes the parent see the signal."
---*/
const { spawn } = require('child_process');
const path = require('path');

function run(action) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, '_idle-child.js'), 'listen', action], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let sent = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      if (!sent && out.includes('ready\n')) {
        sent = true;
        child.kill('SIGTERM');
      }
    });
    child.on('close', (code, sig) => {
      console.log(`listener '${action}': code ${code}, signal ${sig}, child printed ${JSON.stringify(out)}`);
      resolve();
    });
  });
}

run('end').then(() => run('exit143'));

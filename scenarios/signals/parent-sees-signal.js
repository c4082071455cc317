/*---
claim: "A child killed by SIGTERM, SIGINT or SIGHUP that has no listener for it reaches its parent as code null plus the signal's name, never as a 128 + n exit code; the child's 'exit' listeners do not run."
source: https://nodejs.org/api/child_process.html#event-exit
tags: [signals, child-process, exit-codes]
why: "Node's documentation says the default SIGTERM and SIGINT handlers reset the terminal and then exit with code 128 + signal number. What a parent observes is different: the handler re-raises the signal, so the process dies by it, and the 'exit' event of the ChildProcess gets code null and the signal's name. 128 + n is only how shells ($?) report such a death."
instead: "In a parent, check both arguments of 'exit' (code, signal); a wrapper that only looks at code sees null."
links: [https://nodejs.org/api/process.html#signal-events]
---*/
const { spawn } = require('child_process');
const path = require('path');

function run(signal) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, '_idle-child.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let sent = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      if (!sent && out.includes('ready\n')) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('close', (code, sig) => {
      console.log(`${signal}: code ${code}, signal ${sig}, child printed ${JSON.stringify(out)}`);
      resolve();
    });
  });
}

run('SIGTERM').then(() => run('SIGINT')).then(() => run('SIGHUP'));

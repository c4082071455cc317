/*---
claim: "execSync() of a command that fails throws an Error with status (the exit code), signal null, the output as Buffers and the message 'Command failed: <command>'; by default the child's stderr is also written to the parent's stderr."
source: https://nodejs.org/api/child_process.html#child_processexecsynccommand-options
tags: [child-process, errors, exit-codes, output]
why: "execSync() waits for the child and turns a non-zero exit into a throw. Its stdio defaults to pipes, except that the child's stderr goes to the parent's stderr unless `stdio` says otherwise, so the child's complaint shows up in your own stderr and, again, inside the Error."
instead: "Catch the throw and read err.status and err.stderr; pass stdio: 'pipe' to keep the child's stderr out of your own."
---*/
var execSync = require('child_process').execSync;

try {
  execSync('echo to-stdout; echo child-complains >&2; exit 3');
} catch (err) {
  console.log('message: ' + err.message.split('\n')[0]);
  console.log('status ' + err.status + ', signal ' + err.signal);
  console.log('stdout ' + JSON.stringify(String(err.stdout)) + ', stderr ' + JSON.stringify(String(err.stderr)));
}

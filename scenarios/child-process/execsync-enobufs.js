/*---
claim: "execSync() of a command that prints 5 MB, more than its default maxBuffer, throws an Error 'spawnSync /bin/sh ENOBUFS' with code ENOBUFS, signal 'SIGTERM' and status null: the child is killed, and err.stdout holds part of its output."
source: https://github.com/openai/codex-plugin-cc/issues/151; https://github.com/sebhildebrandt/systeminformation/issues/817; https://github.com/insulineru/ai-commit/issues/12; https://github.com/cds-snc/terraform-plan/issues/22
tags: [child-process, errors, output, signals]
why: "execSync() collects the child's whole output in memory and stops at maxBuffer (1024 * 1024 bytes by default in the current documentation): it kills the child with killSignal (SIGTERM) and throws. The message names spawnSync and the shell rather than your command, so it is easily taken for a failure to start /bin/sh."
instead: "For output that can be large, raise maxBuffer knowingly, send the output to a file, or use spawn() and read the stream."
links: [https://nodejs.org/api/child_process.html#child_processexecsynccommand-options, https://nodejs.org/api/child_process.html#maxbuffer-and-unicode]
---*/
var execSync = require('child_process').execSync;

try {
  execSync('head -c 5000000 /dev/zero');
  console.log('returned');
} catch (err) {
  console.log('threw: ' + err.message.split('\n')[0]);
  console.log('code ' + err.code + ', signal ' + err.signal + ', status ' + err.status);
  console.log('err.stdout: ' + (err.stdout.length > 0 && err.stdout.length < 5000000 ? 'some, not all, of the 5000000 bytes' : err.stdout.length + ' bytes'));
}

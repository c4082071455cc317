/*---
claim: "With shell: true, a cwd that does not exist makes the error blame the shell: `spawn /bin/sh ENOENT`, with err.path '/bin/sh', although /bin/sh exists; the command never runs."
source: https://github.com/nodejs/node/issues/51054; https://github.com/LivelyKernel/lively.next/pull/914
tags: [child-process, errors]
why: "shell: true turns the call into spawn('/bin/sh', ['-c', command]), so the program Node names in the error is the shell. The chdir() into the missing cwd fails before the shell starts, and Node reports the ENOENT against the file it was starting."
instead: "Check that cwd exists before spawning; read `spawn /bin/sh ENOENT` as \"the shell could not be started\", which a missing cwd causes as often as a missing shell."
links: [https://nodejs.org/api/child_process.html#shell-requirements, https://nodejs.org/api/child_process.html#child_processspawncommand-args-options]
---*/
var spawn = require('child_process').spawn;

var child = spawn('echo the command ran', { shell: true, cwd: '/no/such/directory-4f2a' });
child.on('error', function (err) {
  console.log('error: ' + err.message);
  console.log('code ' + err.code + ', path ' + err.path + ', spawnargs ' + JSON.stringify(err.spawnargs));
});
child.on('close', function (code, signal) {
  console.log('close: ' + code + ' ' + signal);
});

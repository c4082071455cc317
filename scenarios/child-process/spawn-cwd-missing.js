/*---
claim: "spawn() with a cwd that does not exist fails with `spawn <program> ENOENT`: the error names the program, which exists, and not the missing directory (err.path is the program); the program never runs."
source: https://github.com/nodejs/node/issues/11520; https://github.com/nodejs/node/issues/45279; https://github.com/nodejs/node/issues/51054; https://github.com/sindresorhus/execa/issues/799
tags: [child-process, errors]
why: "The child changes into cwd after the fork and before it runs the program; when chdir() fails, the error code (ENOENT) is all that comes back, and Node builds its message from the spawn call: the syscall and the file it was asked to run. So the message blames the program, and people look for a missing executable that is there."
instead: "Check the directory before spawning (fs.existsSync(cwd) or fs.statSync(cwd).isDirectory()) and report it yourself; when a spawn fails with ENOENT, suspect cwd as much as the program."
links: [https://nodejs.org/api/child_process.html#child_processspawncommand-args-options, https://github.com/nodejs/node/pull/34505]
---*/
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, ['-e', 'console.log("the program ran")'], { cwd: '/no/such/directory-4f2a' });
child.on('error', function (err) {
  console.log('error: ' + err.message);
  console.log('code ' + err.code + ', syscall ' + err.syscall + ', path is the program: ' + (err.path === process.execPath));
  console.log('the message names the directory: ' + (err.message.indexOf('directory-4f2a') !== -1));
});
child.on('close', function (code, signal) {
  console.log('close: ' + code + ' ' + signal);
});

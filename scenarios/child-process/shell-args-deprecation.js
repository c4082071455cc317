/*---
claim: "spawn('echo', ['hi'], { shell: true }) still runs `echo hi` in the shell, and from Node 24 it also prints the DEP0190 DeprecationWarning on stderr (the arguments are joined unescaped into the command line); earlier majors print nothing. The process exits with code 0 either way."
source: https://github.com/sindresorhus/nano-spawn/issues/89
tags: [child-process, deprecation, warnings]
why: With shell true Node joins the command and its arguments with spaces and hands the string to /bin/sh -c, so the arguments are not escaped. DEP0190 warns about that; the behaviour itself is unchanged.
instead: "Without a shell, pass the arguments as a list (spawn('echo', ['hi'])); with a shell, pass one command string you built and quoted yourself (spawn('echo hi', { shell: true }))."
links: [https://nodejs.org/api/deprecations.html#DEP0190, https://github.com/nodejs/node/pull/57199]
changes:
  - {in: '24.0.0', what: 'spawn() with args and shell true prints the DEP0190 DeprecationWarning', link: 'https://github.com/nodejs/node/pull/57199'}
---*/
var childProcess = require('child_process');
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ' ' + warning.code);
});
var child = childProcess.spawn('echo', ['hi', 'there'], { shell: true, stdio: ['ignore', 'pipe', 'inherit'] });
var out = '';
child.stdout.on('data', function (d) { out += d; });
child.on('close', function (code) {
  console.log('child printed: ' + out.trim() + ', exit ' + code);
});

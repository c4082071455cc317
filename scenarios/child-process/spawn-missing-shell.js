/*---
claim: "With shell: true, a missing program is not an 'error': the shell starts fine, cannot find the command, and the child exits with code 127."
source: https://nodejs.org/api/child_process.html#spawning-bat-and-cmd-files-on-windows; https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html#tag_18_08_02
tags: [child-process, errors, exit-codes]
why: "The program Node starts is /bin/sh, which exists. The shell reports 'not found' on its own stderr (read here, not printed: its wording depends on the shell) and exits with 127, the POSIX code for a command not found."
instead: "With shell: true, check the exit code (127) rather than waiting for an 'error' event."
---*/
var spawn = require('child_process').spawn;

var child = spawn('no-such-program-4f2a', { shell: true });
var err = '';
child.stderr.on('data', function (d) {
  err += d;
});
child.on('error', function (e) {
  console.log('error: ' + e.code);
});
child.on('close', function (code, signal) {
  console.log('close: ' + code + ' ' + signal + ', stderr mentions the command: ' + (err.indexOf('no-such-program-4f2a') >= 0));
});

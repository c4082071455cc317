/*---
claim: "exec() whose output passes maxBuffer kills the child with SIGTERM and calls back with an error (code ERR_CHILD_PROCESS_STDIO_MAXBUFFER, 'stdout maxBuffer length exceeded') and the output cut to maxBuffer; the error itself has no signal or killed flag."
source: https://nodejs.org/api/child_process.html#child_processexeccommand-options-callback (maxBuffer)
tags: [child-process, errors, output, signals]
why: "exec() buffers the whole output in memory and enforces maxBuffer (1 MiB by default) by killing the child. The callback gets what fit, with a RangeError; the child never finishes its work. Only the ChildProcess's 'exit' shows how it ended."
instead: "For large or unbounded output use spawn() and read the stream, or raise maxBuffer knowingly."
---*/
var exec = require('child_process').exec;

// The child writes 100000 bytes, then would go on working (here: waiting) until it is stopped.
var command = JSON.stringify(process.execPath) + ' -e "process.stdout.write(\'x\'.repeat(100000)); setInterval(function () {}, 1000)"';
var child = exec(command, { maxBuffer: 1000 }, function (err, stdout, stderr) {
  console.log('callback error: ' + err.name + ' ' + err.code + ': ' + err.message);
  console.log('error.killed ' + err.killed + ', error.signal ' + err.signal);
  console.log('stdout length ' + stdout.length + ', stderr length ' + stderr.length);
});
child.on('exit', function (code, signal) {
  console.log('child exit: ' + code + ' ' + signal);
});

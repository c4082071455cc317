/*---
claim: "exec()'s callback waits for every holder of the stdout pipe: when the command leaves a background process that inherited stdout, 'exit' reports code 0 at once, but the callback has still not come 1 s later; it comes, with no error and the whole output, only once that background process ends (here killed by the scenario)."
source: https://github.com/tinylibs/tinyexec/issues/138; https://github.com/PrimeIntellect-ai/prime-agent/issues/1198; https://github.com/nodejs/node-v0.x-archive/pull/2944
tags: [child-process, streams, output, events]
why: "exec() calls back on the ChildProcess's 'close', which waits until its stdout and stderr pipes are closed at the far end. A background job (`cmd &`) inherits the shell's stdout and keeps it open after the shell has exited, so the callback waits for that job, however long it runs."
instead: "Redirect the output of anything you leave running in the background (`cmd >/dev/null 2>&1 &`), or use spawn() and act on 'exit' when you do not need the output."
links: [https://nodejs.org/api/child_process.html#event-close, https://nodejs.org/api/child_process.html#child_processexeccommand-options-callback]
---*/
var exec = require('child_process').exec;

// The background job is a second shell that prints its pid and becomes `sleep 30`.
var called = false;
var child = exec("sh -c 'echo $$; exec sleep 30' & echo started", function (err, stdout) {
  called = true;
  console.log('callback: error ' + err + ', stdout has the pid and "started": ' + /^(\d+\nstarted|started\n\d+)\n$/.test(stdout));
});
var out = '';
var exited = false;
var killed = false;
// Once the shell has exited and the job has printed its pid: wait 1 s (a callback that did not wait
// for the job would have come within milliseconds of 'exit'; while the job runs it cannot come at
// all), then end the job.
function maybeWait() {
  var m = /^(\d+)\n/m.exec(out);
  if (!exited || !m || killed) return;
  killed = true;
  setTimeout(function () {
    console.log('1 s after exit: callback called ' + called + '; ending the background job');
    process.kill(Number(m[1]), 'SIGKILL');
  }, 1000);
}
child.stdout.on('data', function (d) {
  out += d;
  maybeWait();
});
child.on('exit', function (code, signal) {
  console.log('exit: ' + code + ' ' + signal);
  exited = true;
  maybeWait();
});

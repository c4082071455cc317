/*---
claim: "execSync() of a command that leaves a background job does not return until that job ends when the job still holds the output pipe (`sleep 2 &`: at least 2 s); with the job's output redirected (`>/dev/null 2>&1 &`) it returns at once and the job is still running (the scenario then kills it)."
source: https://github.com/shelljs/shelljs/issues/426; https://github.com/RayforceDB/rayforce/issues/579; https://github.com/nodejs/help/issues/1065
tags: [child-process, streams, output]
timeout: 15000
why: "execSync() returns once the child has exited and its stdout and stderr pipes are closed. A background job inherits both from the shell and keeps them open after the shell has exited, so execSync blocks the whole process until the job ends. Redirected, the job holds no pipe of execSync's."
instead: "Redirect the output of anything you leave running (`cmd >/dev/null 2>&1 &`), or start long-lived processes with spawn({ detached: true, stdio: 'ignore' }) and unref()."
links: [https://nodejs.org/api/child_process.html#child_processexecsynccommand-options]
---*/
var execSync = require('child_process').execSync;

// Only lower bounds on time are claimed: `sleep 2` cannot end before 2 s have passed (1.9 s allows
// for clock granularity), so a return after that means execSync waited for it.
var t0 = Date.now();
execSync('sleep 2 & echo started');
console.log('job holding the pipe: execSync returned after the 2 s job ended: ' + (Date.now() - t0 >= 1900));

var pid = parseInt(String(execSync('sleep 30 >/dev/null 2>&1 & echo $!')), 10);
var alive = true;
try {
  process.kill(pid, 0); // signal 0: only checks that the process exists
} catch (e) {
  alive = false;
}
console.log('job output redirected: execSync returned while the job is still running: ' + alive);
if (alive) process.kill(pid, 'SIGKILL'); // clean up

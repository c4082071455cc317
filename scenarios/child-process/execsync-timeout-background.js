/*---
claim: "execSync() with a timeout bounds the wait for a background job that holds the output pipe: at the time limit it throws with code ETIMEDOUT, yet with status 0 and signal null (the shell had exited by itself, with 0), and the job, never signalled, is still running afterwards (the scenario then kills it)."
source: https://github.com/nodejs/help/issues/1065; https://github.com/RayforceDB/rayforce/issues/579
tags: [child-process, errors, signals]
why: "The timeout runs while execSync waits for the child to exit and for its pipes to close. Here the shell exits at once, so the wait is for the job holding the pipes; at the limit Node gives up on them and throws ETIMEDOUT, with the shell's real exit status. The background job gets no signal at all: it is still running afterwards. A check of err.signal === 'SIGTERM' to detect a timeout misses this case."
instead: "Detect a timeout by err.code === 'ETIMEDOUT'. Do not rely on the timeout to end background work: redirect its output so execSync does not wait for it, and end it yourself, or start it detached and kill its process group."
links: [https://nodejs.org/api/child_process.html#child_processexecsynccommand-options]
---*/
var execSync = require('child_process').execSync;

// The shell prints the job's pid and exits within milliseconds; the 1 s time limit is a wide
// margin for that on a loaded machine, and the job would run for 30 s.
try {
  execSync('sleep 30 & echo $!', { timeout: 1000 });
  console.log('returned');
} catch (err) {
  console.log('threw: code ' + err.code + ', signal ' + err.signal + ', status ' + err.status);
  var pid = parseInt(String(err.stdout), 10);
  var alive = true;
  try {
    process.kill(pid, 0); // signal 0: only checks that the process exists
  } catch (e) {
    alive = false;
  }
  console.log('the background job is still running: ' + alive);
  if (alive) process.kill(pid, 'SIGKILL'); // clean up
}

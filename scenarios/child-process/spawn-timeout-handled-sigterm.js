/*---
claim: "spawn()'s timeout option sends one signal and never a second: a child that listens for SIGTERM gets it when the time is up and keeps running (1 s later its exitCode is still null and child.killed is true), until something else ends it (here the scenario, with SIGKILL)."
source: https://github.com/nodejs/help/issues/1065; https://github.com/nodejs/node/issues/27639
node: '>=14.18.0 <15.0.0 || >=15.13.0'
tags: [child-process, signals, timers]
not-on: { deno: "Under load Deno's parent sometimes stays alive after its child was killed (seen in 2 full matrix runs of 2: once 'exit' never came, once it came naming SIGTERM and the process still did not end), while alone it ends every time (12 runs); the outcome is not deterministic: https://github.com/denoland/deno/pull/32283" }
why: "When the timeout expires Node calls child.kill(killSignal) once, with SIGTERM by default, and sets child.killed because the signal was delivered. A signal a process handles does not end it, and Node has no later step that escalates to SIGKILL, so a child that traps SIGTERM (to clean up, or by accident through a library) outlives its time limit."
instead: "Keep your own second timer: if 'exit' has not come a while after the timeout, send SIGKILL (child.kill('SIGKILL')); or pass killSignal: 'SIGKILL' when the child needs no chance to clean up."
links: [https://nodejs.org/api/child_process.html#child_processspawncommand-args-options, https://nodejs.org/api/child_process.html#subprocesskilled]
---*/
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  process.on('SIGTERM', function () {
    console.log('child: got SIGTERM; carrying on');
  });
  console.log('child: ready');
  // Ends itself after 8 s at the latest, should the scenario fail to kill it.
  setTimeout(function () {}, 8000);
} else {
  // 1.5 s: time enough for the child to start and install its listener on a loaded machine.
  var child = spawn(process.execPath, [__filename, 'child'], { timeout: 1500, stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.setEncoding('utf8');
  var text = '';
  child.stdout.on('data', function (d) {
    text += d;
    if (text.indexOf('got SIGTERM') !== -1 && !child.checked) {
      child.checked = true;
      process.stdout.write(text);
      // 1 s is long enough for a second signal, had there been one planned.
      setTimeout(function () {
        console.log('1 s after the timeout: exitCode ' + child.exitCode + ', killed ' + child.killed + '; sending SIGKILL');
        child.kill('SIGKILL');
      }, 1000);
    }
  });
  child.on('exit', function (code, signal) {
    console.log('exit: ' + code + ' ' + signal);
  });
}

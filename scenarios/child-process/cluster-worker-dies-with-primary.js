/*---
claim: "Unlike a plain fork()ed child, a cluster worker ends by itself when its primary is killed with SIGKILL: its IPC channel closes and the worker exits with code 0, so the pipe it shared with the primary closes without anyone killing it."
source: https://github.com/nodejs/help/issues/1790; https://github.com/nodejs/node-v0.x-archive/pull/2908
tags: [child-process, cluster, signals, shutdown]
not-on: { deno: "Deno's node:cluster workers (denoland/deno#33493) do not exit when the channel to their primary closes, and what follows varies from run to run here (the worker's own 8 s limit ends it after the scenario's time limit, or its exit write fails with BrokenPipe): https://github.com/denoland/deno/pull/33493" }
why: "The cluster module adds a 'disconnect' listener in every worker: when the channel to the primary closes and the worker did not disconnect on purpose, it calls process.exit(0). A plain fork() adds no such listener (child-process/fork-child-outlives-parent-kill)."
instead: "Rely on it for cluster workers; for other children, exit from their own process.on('disconnect', ...)."
links: [https://nodejs.org/api/cluster.html, https://nodejs.org/api/process.html#event-disconnect]
---*/
var cluster = require('cluster');
var childProcess = require('child_process');

if (cluster.isWorker) {
  process.on('exit', function (code) {
    console.log('worker: exit ' + code);
  });
  console.log('worker: started');
  // Its own limit: it ends after 8 s should it outlive its primary.
  setTimeout(function () {}, 8000);
} else if (process.argv[2] === 'primary') {
  // The worker writes to the same stdout pipe as this primary.
  cluster.fork();
} else {
  var primary = childProcess.spawn(process.execPath, [__filename, 'primary'], { stdio: ['ignore', 'pipe', 'inherit'] });
  var text = '';
  var killed = false;
  primary.stdout.setEncoding('utf8');
  primary.stdout.on('data', function (d) {
    text += d;
    if (!killed && text.indexOf('worker: started\n') !== -1) {
      killed = true;
      console.log('worker started; killing the primary with SIGKILL');
      primary.kill('SIGKILL');
    }
  });
  // 'close' comes after 'exit' and waits for every holder of the pipe: the primary and the worker.
  // Should the worker outlive its primary, the pipe stays open until the worker's own 8 s limit.
  primary.on('close', function (code, signal) {
    console.log('primary ended by ' + (signal || 'exit code ' + code));
    console.log('what the worker printed after it started: ' + JSON.stringify(text.split('worker: started\n')[1] || ''));
    console.log('the pipe closed: the worker is gone too');
  });
}

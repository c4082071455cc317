/*---
claim: "When a worker writes 8 MiB to process.stdout and both threads then end by themselves, a reader on a socket pair gets all of it, on every Node version, Bun and Deno."
source: https://github.com/oven-sh/bun/pull/34340
tags: [output, workers]
why: "The worker's output goes through the main thread's process.stdout. A natural end waits for it twice: the worker is not done until the main thread has taken its last batch, and the main thread's event loop stays alive while its stdout still has queued data to write. Nothing calls process.exit(), so nothing is discarded."
instead: "This is the safe pattern: let workers and the main thread end by themselves and report failure through process.exitCode."
links: [https://nodejs.org/api/worker_threads.html#workerstdout]
---*/
var cp = require('child_process');
var wt = require('worker_threads');
var SIZE = 8 * 1024 * 1024;

if (!wt.isMainThread) {
  process.stdout.write('x'.repeat(SIZE));
} else if (process.argv[2] === 'writer') {
  new wt.Worker(__filename);
} else {
  var child = cp.spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
  var received = 0;
  child.stdout.on('data', function (chunk) { received += chunk.length; });
  child.on('close', function (code) {
    console.log('writer exited with code ' + code);
    console.log('reader received ' + (received === SIZE ? 'all' : received < SIZE ? 'less than all' : 'more than') + ' of the ' + SIZE + ' bytes');
  });
}

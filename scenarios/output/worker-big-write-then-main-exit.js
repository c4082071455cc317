/*---
claim: "When a worker writes 8 MiB to process.stdout and then tells the main thread it is done, process.exit() in the main thread's 'message' listener loses output: a reader on a socket pair (what spawn() gives) gets less than all of it, on every Node version."
source: https://github.com/nodejs/node/issues/40961
tags: [output, workers, exit]
why: "The worker's write is handed to the main thread, which writes it to stdout like any of its own writes: on a pipe or a socket asynchronously, queuing in the process what the kernel does not take at once. When the main thread handles the worker's message, part of the 8 MiB is still queued, in the main thread's stdout waiting for the kernel and possibly still in the worker's stream waiting to be handed over, and process.exit() discards both (as output/exit-after-write-stdout does for the main thread's own write). Deno writes from the worker synchronously: all of it arrives. (On a regular file as stdout the main thread's writes are synchronous, so the loss is a property of pipes and sockets: output/exit-after-big-write-file.)"
instead: "Do not call process.exit() in the main thread while a worker's output may be on its way: set process.exitCode and let the process end by itself (output/worker-big-write-natural-end)."
links: [https://github.com/nodejs/node/issues/30491, https://nodejs.org/api/process.html#a-note-on-process-io]
---*/
var cp = require('child_process');
var wt = require('worker_threads');
var SIZE = 8 * 1024 * 1024;

if (!wt.isMainThread) {
  process.stdout.write('x'.repeat(SIZE));
  wt.parentPort.postMessage('done');
} else if (process.argv[2] === 'writer') {
  new wt.Worker(__filename).on('message', function () {
    process.exit(0);
  });
} else {
  var child = cp.spawn(process.execPath, [__filename, 'writer'], { stdio: ['ignore', 'pipe', 'inherit'] });
  var received = 0;
  child.stdout.on('data', function (chunk) { received += chunk.length; });
  child.on('close', function (code) {
    console.log('writer exited with code ' + code);
    console.log('reader received ' + (received === SIZE ? 'all' : received < SIZE ? 'less than all' : 'more than') + ' of the ' + SIZE + ' bytes');
  });
}

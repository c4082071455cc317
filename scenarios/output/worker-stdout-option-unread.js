/*---
claim: "With new Worker(file, { stdout: true }) and nobody reading worker.stdout, the worker's console.log lines never reach the process's stdout: the process prints only the main thread's line and exits with 0."
source: https://nodejs.org/api/worker_threads.html#new-workerfilename-options
tags: [output, workers]
why: "The stdout option means: do not copy the worker's output to process.stdout, give it to me as worker.stdout. If nothing reads that stream, the output stays in it and is dropped when the process ends, silently. Deno ignores the option and prints the worker's lines anyway."
instead: "With { stdout: true }, read worker.stdout (worker.stdout.pipe(process.stdout) or a 'data' listener); without the option the output is copied to process.stdout for you."
links: [https://nodejs.org/api/worker_threads.html#workerstdout]
---*/
var wt = require('worker_threads');

if (wt.isMainThread) {
  var worker = new wt.Worker(__filename, { stdout: true });
  worker.on('exit', function (code) {
    console.log('main: worker exit ' + code);
  });
} else {
  console.log('worker: line 1');
  console.log('worker: line 2');
}

/*---
claim: "process.exit() right after writing 8 MiB to a child's stdin loses input: the child, reading as fast as it can, sees its stdin end after less than all of it, on every Node version, Bun and Deno."
source: https://github.com/nodejs/node/issues/2360
tags: [child-process, output, exit, streams]
why: "child.stdin.write() hands the kernel what fits in the pipe's buffer and queues the rest in the parent, to be written as the child reads. process.exit() ends the parent without writing that queue; the pipe closes, and the child reads what got through and then the end of its input, with no error anywhere."
instead: "End the child's stdin (child.stdin.end(data)) and wait for the child's 'close' before exiting, or exit from the write() callback."
links: [https://nodejs.org/api/child_process.html#subprocessstdin, https://nodejs.org/api/process.html#processexitcode]
---*/
var cp = require('child_process');
var SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'reader') {
  var received = 0;
  process.stdin.on('data', function (chunk) { received += chunk.length; });
  process.stdin.on('end', function () {
    process.stdout.write('child: stdin ended after ' + (received === SIZE ? 'all' : received < SIZE ? 'less than all' : 'more than') + ' of the ' + SIZE + ' bytes\n');
  });
} else if (process.argv[2] === 'parent') {
  var child = cp.spawn(process.execPath, [__filename, 'reader'], { stdio: ['pipe', 'inherit', 'inherit'] });
  child.stdin.write('x'.repeat(SIZE));
  console.log('parent: wrote 8 MiB to the child, calling process.exit()');
  process.exit(0);
} else {
  // Runs the parent and prints what it and its child wrote on the stdout they share, once both have closed it.
  var parent = cp.spawn(process.execPath, [__filename, 'parent'], { stdio: ['ignore', 'pipe', 'inherit'] });
  var out = '';
  parent.stdout.on('data', function (d) { out += d; });
  parent.on('close', function (code) {
    process.stdout.write(out);
    console.log('parent exited with code ' + code);
  });
}

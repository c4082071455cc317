/*---
claim: "A child forked with its stdout inherited keeps writing to that stdout after its parent has called process.exit(): the reader gets the child's line written after the parent died, and the stream ends only when the child ends."
source: https://github.com/nodejs/node/issues/7974
tags: [output, child-process, exit]
why: "With stdio 'inherit' the child holds the same stdout as its parent. The parent's exit kills nothing: the child goes on (here it writes when it sees the IPC channel close, which happens when the parent is gone), and whoever reads that stdout sees its lines after the parent's exit status is known. A shell, a CI step or a test runner that reads until the stream ends waits for the child too; one that stops at the parent's exit loses the child's last lines, or prints them under the next command's output."
instead: "Before exiting, wait for the children you started ('exit' or 'close' of each), or end them (child.kill()); a child that must outlive its parent should be detached with its own stdio."
links: [https://nodejs.org/api/child_process.html#optionsstdio, https://github.com/npm/npm/issues/4603]
---*/
var cp = require('child_process');

if (process.argv[2] === 'child') {
  console.log('child: started');
  // The IPC channel closes when the parent is gone: only then write the second line.
  process.on('disconnect', function () {
    console.log('child: a line after the parent exited');
  });
  process.send('ready');
} else if (process.argv[2] === 'parent') {
  var child = cp.fork(__filename, ['child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', function () {
    console.log('parent: calling process.exit()');
    process.exit(0);
  });
} else {
  // The reader: runs the parent and reads the stdout it shares with its child until every writer has closed it.
  var parent = cp.spawn(process.execPath, [__filename, 'parent'], { stdio: ['ignore', 'pipe', 'inherit'] });
  var out = '';
  parent.stdout.on('data', function (d) { out += d; });
  parent.on('close', function (code) {
    console.log('parent exited with code ' + code + '; the stream held:');
    out.split('\n').filter(Boolean).forEach(function (l) { console.log('  ' + l); });
  });
}

/*---
claim: "rl.write() on a readline interface that is already closed restarts the reading of its input: with stdin a pipe that stays open, the process is still alive 300 ms later, and exits with code 0 only when stdin is paused. From 24.2.0 write() throws ERR_USE_AFTER_CLOSE instead, and the process exits at once."
source: https://github.com/nodejs/node/issues/57678
tags: [handles, streams, errors, child-process]
why: "close() pauses the input stream, which releases stdin's pipe. write() simulates typed input, and it began by resuming the input (so that the line would be read), without checking whether the interface was closed: stdin was read again, and its pipe held the loop for as long as the other end stayed open, with no interface left to close (on a terminal, which never ends by itself, the report's script hung for good). Node now checks for a closed interface in write(), pause() and resume(), as question() already did (handles/readline-question-after-close). The harness runs scenarios with stdin from /dev/null (which ends at once), so the scenario spawns itself as a child with a stdin pipe that the parent holds open."
instead: "Write to an interface only while it is open (keep a flag that its 'close' listener sets); after close(), pause or destroy process.stdin if something may have resumed it."
links: [https://github.com/nodejs/node/pull/58283, https://nodejs.org/api/readline.html#rlwritedata-key]
changes: [{in: '24.2.0', what: 'write() (and pause(), resume()) on a closed interface throws ERR_USE_AFTER_CLOSE instead of resuming its input', link: 'https://github.com/nodejs/node/pull/58283'}]
---*/
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  var readline = require('readline');
  process.on('exit', function (code) {
    console.log('child: exit with code ' + code);
  });
  var rl = readline.createInterface({ input: process.stdin });
  rl.close();
  try {
    rl.write('typed after close\n');
    console.log('child: write() returned');
  } catch (err) {
    console.log('child: write() threw ' + err.code);
  }
  // unref'd: it fires only if stdin keeps the loop running for 300 ms.
  setTimeout(function () {
    console.log('child: still alive after 300 ms; calling process.stdin.pause()');
    process.stdin.pause();
  }, 300).unref();
} else {
  process.on('exit', function (code) {
    console.log('parent: exit with code ' + code);
  });
  var child = spawn(process.execPath, [__filename, 'child'], { stdio: ['pipe', 'pipe', 'inherit'] });
  var out = '';
  child.stdout.on('data', function (d) { out += d; });
  // The pipe stays open until the child has closed.
  child.on('close', function (code, signal) {
    process.stdout.write(out);
    console.log('parent: child closed with code ' + code + ', signal ' + signal);
    child.stdin.destroy();
  });
}

/*---
claim: "A single process.stdin.read() call, with no listener at all, starts reading stdin and keeps the process alive while the pipe stays open: read() returns null, a child whose parent never ends its stdin is still running 300 ms later, and it exits with code 0 once it calls process.stdin.pause()."
source: https://github.com/nodejs/node-v0.x-archive/issues/17204
tags: [handles, event-loop, streams, child-process]
why: "read() on a stream that has nothing buffered yet asks the source for data: for a socket stdin that means starting to read its pipe, and the read stays active after read() has returned null; the loop waits on that handle as on any socket that is reading. read() on stdin is not a peek: it starts I/O. For process.stdin Node stops reading the pipe on pause(), which releases the handle. The harness runs scenarios with stdin from /dev/null (which ends at once), so the scenario spawns itself as a child with a stdin pipe that the parent holds open and never writes to."
instead: "Read stdin with a 'data' or 'readable' listener (or for await) and pause, destroy or unref it when done; do not call read() just to test whether input is waiting."
links: [https://nodejs.org/api/stream.html#readablereadsize, https://nodejs.org/api/process.html#processstdin]
---*/
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  process.on('exit', function (code) {
    console.log('child: exit with code ' + code);
  });
  console.log('child: read() returned ' + process.stdin.read());
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
  // Nothing is written and the pipe stays open until the child has closed.
  child.on('close', function (code, signal) {
    process.stdout.write(out);
    console.log('parent: child closed with code ' + code + ', signal ' + signal);
    child.stdin.destroy();
  });
}

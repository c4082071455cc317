/*---
claim: "A 'data' listener on process.stdin keeps the process alive for as long as the other end of the pipe stays open: a child whose stdin its parent never ends is still running 300 ms after the last data, and exits with code 0 as soon as it calls process.stdin.pause()."
source: https://github.com/mscdex/ssh2/issues/429
tags: [handles, event-loop, streams, child-process]
why: "A 'data' listener puts stdin in flowing mode, and a flowing stream reads from its pipe handle, which the loop then waits on: more data may come until the writer closes its end, and only the writer knows when that is. For process.stdin (and only for it) Node stops reading the pipe when the stream is paused, which releases the handle; so do destroy() and unref(). A paused TCP socket goes on reading (handles/paused-socket). The harness runs scenarios with stdin from /dev/null (which ends at once), so the scenario spawns itself as a child with a stdin pipe that the parent writes one line to and holds open."
instead: "Pause, destroy or unref process.stdin once you have read what you need; or end the input (EOF) from the writing side."
links: [https://github.com/tcql/node-yesno/issues/4, https://github.com/visionmedia/node-progress/issues/54, https://nodejs.org/api/stream.html#readablepause]
explains: {hang-stdin: 1}
---*/
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  process.on('exit', function (code) {
    console.log('child: exit with code ' + code);
  });
  var timed = false;
  process.stdin.on('data', function (chunk) {
    console.log('child: got ' + JSON.stringify(String(chunk)));
    if (timed) return;
    timed = true;
    // unref'd: it fires only if stdin still keeps the loop running 300 ms after the data.
    setTimeout(function () {
      console.log('child: still alive after 300 ms; calling process.stdin.pause()');
      process.stdin.pause();
    }, 300).unref();
  });
} else {
  process.on('exit', function (code) {
    console.log('parent: exit with code ' + code);
  });
  var child = spawn(process.execPath, [__filename, 'child'], { stdio: ['pipe', 'pipe', 'inherit'] });
  var out = '';
  child.stdout.on('data', function (d) { out += d; });
  // One line, and the pipe stays open: the parent never ends the child's stdin.
  child.stdin.write('hello\n');
  child.on('close', function (code, signal) {
    process.stdout.write(out);
    console.log('parent: child closed with code ' + code + ', signal ' + signal);
    child.stdin.destroy();
  });
}

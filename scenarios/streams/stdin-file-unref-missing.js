/*---
claim: "When stdin is a regular file (`node app.js < file`), process.stdin is an fs.ReadStream with no unref(): calling process.stdin.unref() throws `TypeError: process.stdin.unref is not a function` and the process exits with code 1; on a pipe the same call works."
source: https://github.com/open-cli-tools/concurrently/pull/253
tags: [streams, handles, errors, child-process]
why: "Node builds process.stdin from what file descriptor 0 is: a tty.ReadStream on a terminal, a net.Socket on a pipe or socket, and an fs.ReadStream on a regular file. ref() and unref() belong to sockets (their handle can be left out of the loop's count); a file is read with ordinary fs requests, so its stream has neither method. The scenario runs itself twice as a child: once with stdin opened on its own file, once with a pipe."
instead: "Check before calling: `if (typeof process.stdin.unref === 'function') process.stdin.unref();` (a file stdin ends by itself at its end anyway), or destroy() or pause() the stream, which every kind has."
links: [https://nodejs.org/api/process.html#processstdin, https://nodejs.org/api/net.html#socketunref]
---*/
var spawn = require('child_process').spawn;
var fs = require('fs');

if (process.argv[2] === 'child') {
  process.on('exit', function (code) {
    console.log('exit with code ' + code);
  });
  console.log('stdin is a ' + process.stdin.constructor.name + ', unref is ' + typeof process.stdin.unref);
  process.stdin.unref();
  console.log('unref() returned');
} else {
  var fd = fs.openSync(__filename, 'r');
  var kinds = [['a file', fd], ['a pipe', 'pipe']];
  var run = function (i) {
    if (i === kinds.length) return;
    var child = spawn(process.execPath, [__filename, 'child'], { stdio: [kinds[i][1], 'pipe', 'pipe'] });
    if (child.stdin) child.stdin.end();
    var out = '';
    var err = '';
    child.stdout.on('data', function (d) { out += d; });
    child.stderr.on('data', function (d) { err += d; });
    child.on('close', function (code) {
      console.log('stdin is ' + kinds[i][0] + ':');
      if (out) console.log(out.replace(/\n$/, '').replace(/^/gm, '  '));
      // Only the error's name and message: the rest of the report is a stack.
      var m = /TypeError: .*/.exec(err);
      if (m) console.log('  stderr: ' + m[0]);
      console.log('  child exit code ' + code);
      run(i + 1);
    });
    if (i === 0) fs.closeSync(fd);
  };
  run(0);
}

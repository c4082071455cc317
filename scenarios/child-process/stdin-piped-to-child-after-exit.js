/*---
claim: "A parent whose stdin is an open pipe and that ran process.stdin.pipe(child.stdin) ends by itself (code 0) as soon as its child has exited, from Node 13.12.0, with or without an unpipe() call; before 13.12.0 it stays alive waiting on its stdin (1 s later it is still running), whether or not it calls unpipe(), until that stdin ends."
source: https://github.com/nodejs/node/issues/2276; https://github.com/nodejs/node/issues/24327; https://github.com/nodejs/node/issues/32291
tags: [child-process, streams, handles, exit]
why: "pipe() makes process.stdin flow, and a stdin pipe that is being read holds the event loop. When the child exits Node destroys child.stdin, and pipe() then unpipes by itself. Up to 13.11 unpipe() only flagged the stream as not flowing, so nothing told process.stdin to stop reading and the parent waited for input nobody wanted. From 13.12.0 unpipe() calls pause(), and pausing process.stdin stops the read, which releases the loop."
instead: "Do not count on it where an old Node may run the code, or where stdin is a terminal: when the child is done, call process.stdin.destroy() (or process.stdin.unref()), or exit explicitly."
links: [https://nodejs.org/api/process.html#processstdin, https://nodejs.org/api/stream.html#readableunpipedestination, https://github.com/nodejs/node/pull/32476]
changes:
  - {in: '13.12.0', what: "unpipe() pauses the source, which stops process.stdin's read: the parent ends once its child has exited", link: 'https://github.com/nodejs/node/pull/32476'}
---*/
var childProcess = require('child_process');

if (process.argv[2] === 'parent') {
  var child = childProcess.spawn(process.execPath, ['-e', ''], { stdio: ['pipe', 'ignore', 'inherit'] });
  process.stdin.pipe(child.stdin);
  child.on('exit', function (code) {
    if (process.argv[3] === 'unpipe') process.stdin.unpipe(child.stdin);
    console.log('child exited with ' + code + (process.argv[3] === 'unpipe' ? '; unpipe() called' : ''));
  });
} else {
  // Each parent's stdin is a pipe this scenario keeps open, and ends only if the parent is still
  // running 1 s after its child exited.
  var run = function (mode, then) {
    var parent = childProcess.spawn(process.execPath, [__filename, 'parent', mode], { stdio: ['pipe', 'pipe', 'inherit'] });
    var text = '';
    var timer = null;
    parent.stdout.setEncoding('utf8');
    parent.stdout.on('data', function (d) {
      text += d;
      process.stdout.write(mode + ': ' + d);
      if (!timer && text.indexOf('child exited') !== -1) {
        timer = setTimeout(function () {
          console.log(mode + ': 1 s later the parent is still running; ending its stdin');
          parent.stdin.end();
        }, 1000);
      }
    });
    parent.on('close', function (code) {
      console.log(mode + ': parent ended with code ' + code);
      clearTimeout(timer);
      parent.stdin.destroy();
      then();
    });
  };
  run('pipe only', function () {
    run('unpipe', function () {});
  });
}

/*---
claim: "A child that reads its stdin to the end (here cat) never exits while the parent keeps child.stdin open: 1 s after it has echoed what it was sent, its exitCode is still null; once the parent calls child.stdin.end() it exits with code 0."
source: https://github.com/nodejs/node/issues/2339; https://github.com/atom-community/atom-script/pull/643; https://github.com/noseglid/atom-build/pull/546
tags: [child-process, streams, handles]
why: "spawn() gives the child a pipe for stdin by default, and the parent's end stays open until the parent ends it. A program that reads until end of input (cat, grep, sort, many CLIs waiting for piped data) waits on that pipe for ever, so the parent waits for its 'exit'."
instead: "Call child.stdin.end() once you have written everything (or right away if there is nothing to send), or pass stdio: ['ignore', ...] so the child reads an empty input."
links: [https://nodejs.org/api/child_process.html#subprocessstdin, https://nodejs.org/api/child_process.html#optionsstdio]
explains: {hang-child: 1}
---*/
var spawn = require('child_process').spawn;

var child = spawn('cat');
var echoed = '';
child.stdout.on('data', function (d) {
  echoed += d;
  if (echoed !== 'hello\n') return;
  // cat has done all it can with its input. A child that could exit would do so within
  // milliseconds; with its stdin open it cannot exit at all, so 1 s is only there to show it.
  setTimeout(function () {
    console.log('1 s after the echo: exitCode ' + child.exitCode + '; calling child.stdin.end()');
    child.stdin.end();
  }, 1000);
});
child.on('close', function (code, signal) {
  console.log('close: ' + code + ' ' + signal + ', echoed ' + JSON.stringify(echoed));
});
child.stdin.write('hello\n');

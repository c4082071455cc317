/*---
claim: "On a terminal, Ctrl-C typed while a readline interface is open never becomes a SIGINT: the process's own SIGINT listener is not called. With no 'SIGINT' listener on the interface, the interface just closes and the process ends with code 0, as at the end of input; with one, only that listener is called and the interface stays open (until the listener closes it)."
source: https://github.com/nodejs/node/issues/61487
tags: [signals, streams, exit-codes]
why: "A terminal turns Ctrl-C into SIGINT only in its ordinary (cooked) mode. readline puts a terminal input in raw mode, so the keystroke arrives as a byte (0x03) that readline reads like any other key: it emits 'SIGINT' on the interface when that event has a listener, and otherwise closes the interface. Nothing is sent to the process, so process.on('SIGINT') never hears of it. The harness gives scenarios no terminal to type into, so the scenario runs itself twice as a child under util-linux's `script`, which gives the child a pseudo-terminal and passes on what the parent writes to it: one 0x03 byte, once the child says its interface is open."
instead: "Listen for 'SIGINT' on the interface (rl.on('SIGINT', ...)) as well as on process, or handle the interface's 'close' as the user giving up."
links: [https://github.com/nodejs/node/issues/4758, https://github.com/nodejs/node/issues/22334, https://nodejs.org/api/readline.html#event-sigint]
---*/
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  var readline = require('readline');
  process.on('exit', function (code) {
    console.log('child: exit with code ' + code);
  });
  process.on('SIGINT', function () {
    console.log('child: process SIGINT listener called');
    process.exit(130);
  });
  var rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  var closed = false;
  rl.on('close', function () {
    closed = true;
    console.log('child: interface closed');
  });
  if (process.argv[3] === 'listener') {
    rl.on('SIGINT', function () {
      console.log('child: interface SIGINT listener called, interface closed: ' + closed + '; closing it now');
      rl.close();
    });
  }
  rl.question('name? ', function (answer) {
    console.log('child: answer ' + JSON.stringify(answer));
  });
  console.log('child: ready, raw mode ' + process.stdin.isRaw);
} else {
  var quote = function (s) { return "'" + s.replace(/'/g, "'\\''") + "'"; };
  var run = function (variant, next) {
    var command = [process.execPath, __filename, 'child', variant].map(quote).join(' ');
    // -q: no banner; -e: exit with the child's status; /dev/null: no typescript file.
    var script = spawn('/usr/bin/script', ['-q', '-e', '-c', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
    var out = '';
    var typed = false;
    script.stdout.on('data', function (d) {
      out += d;
      // Ctrl-C, typed once the child has set up its interface (and so raw mode).
      if (!typed && /child: ready/.test(out)) {
        typed = true;
        script.stdin.write('\x03');
      }
    });
    script.on('close', function (code) {
      script.stdin.destroy();
      console.log(variant + ':');
      // The terminal's output, without its escape sequences and the prompt: only the child's lines.
      out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n/).forEach(function (line) {
        var m = /child: .*/.exec(line);
        if (m) console.log('  ' + m[0]);
      });
      console.log('  ended with code ' + code);
      next();
    });
  };
  run('no listener', function () {
    run('listener', function () {});
  });
}

/*---
claim: "On a terminal, Ctrl-C while `await rl.question()` (readline/promises) waits for an answer closes the interface without calling the process's SIGINT listener. From 23.8.0 (and 22.15.0, 20.19.5) the question's promise then rejects with `AbortError: Aborted with Ctrl+C`, which, awaited without a try/catch, crashes the process with exit code 1; before, it never settles, and the process ends with code 0, its await abandoned."
source: https://github.com/nodejs/node/issues/44444
tags: [signals, streams, promise, rejections, exit-codes]
node: '>=17.0.0'
why: "readline puts the terminal in raw mode, so Ctrl-C arrives as a key, not as SIGINT (signals/readline-traps-ctrl-c): with no 'SIGINT' listener on the interface, readline closes it. A question still waiting on a closed interface can never be answered: Node used to leave its promise pending (and with the interface closed nothing held the loop, so the process just ended), and now rejects it; the await turns that rejection into a throw in the async function, and with nothing catching it the rejection is unhandled and ends the process. The scenario types the Ctrl-C through util-linux's `script`, as in signals/readline-traps-ctrl-c."
instead: "Wrap `await rl.question()` in try/catch and treat an AbortError as the user cancelling (or listen for 'SIGINT' on the interface); close the interface in a finally."
links: [https://github.com/nodejs/node/issues/61487, https://nodejs.org/api/readline.html#rlquestionquery-options]
changes:
  - {in: '23.8.0', what: "a question pending when Ctrl-C closes the interface rejects with AbortError (uncaught: exit code 1) instead of never settling (exit code 0)", link: 'https://github.com/nodejs/node/pull/54030'}
  - {in: '22.15.0', what: 'the same, backported to 22.x', link: 'https://github.com/nodejs/node/pull/54030'}
  - {in: '20.19.5', what: 'the same, backported to 20.x', link: 'https://github.com/nodejs/node/pull/54030'}
  - {never: '21', what: 'the 21.x line ended without the fix: the question never settles', link: 'https://github.com/nodejs/node/pull/54030'}
---*/
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  var readline = require('readline/promises');
  process.on('exit', function (code) {
    console.log('child: exit with code ' + code);
  });
  process.on('SIGINT', function () {
    console.log('child: process SIGINT listener called');
  });
  var rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.on('close', function () {
    console.log('child: interface closed');
  });
  (async function () {
    var answer = await rl.question('name? ');
    console.log('child: answer ' + JSON.stringify(answer));
  })();
  console.log('child: ready');
} else {
  var quote = function (s) { return "'" + s.replace(/'/g, "'\\''") + "'"; };
  var command = [process.execPath, __filename, 'child'].map(quote).join(' ');
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
    // The terminal's output, without its escape sequences and the prompt: the child's lines, then
    // the first line of its error report if there is one (the rest is a stack).
    var error = null;
    out.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split(/\r?\n/).forEach(function (line) {
      var m = /child: .*/.exec(line);
      if (m) console.log(m[0]);
      var e = /^\w*Error\b.*/.exec(line);
      if (e && !error) error = e[0];
    });
    if (error) console.log('error report: ' + error);
    console.log('ended with code ' + code);
  });
}

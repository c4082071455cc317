/*---
claim: "A readline interface on process.stdin keeps the process alive after its question has been answered, for as long as the other end of the pipe stays open: a child is still running 300 ms after the answer, and exits with code 0 as soon as it calls rl.close()."
source: https://github.com/docusign/code-examples-node/pull/61
tags: [handles, event-loop, streams, child-process]
why: "readline.createInterface() reads its input stream in flowing mode until the interface is closed, whether or not a question is pending, so stdin's pipe handle holds the loop. rl.close() pauses the input and releases it. The harness runs scenarios with stdin from /dev/null (which ends at once and closes the interface by itself), so the scenario spawns itself as a child with a stdin pipe that the parent writes the answer to and holds open."
instead: "Call rl.close() once the last answer is in (or use readline/promises and close it in a finally)."
links: [https://github.com/visionmedia/node-progress/issues/21, https://github.com/bhoriuchi/readline-promise/issues/4, https://github.com/nodejs/node/pull/7022, https://nodejs.org/api/readline.html#rlclose]
explains: {hang-stdin: 2}
---*/
var spawn = require('child_process').spawn;

if (process.argv[2] === 'child') {
  var readline = require('readline');
  process.on('exit', function (code) {
    console.log('child: exit with code ' + code);
  });
  var rl = readline.createInterface({ input: process.stdin });
  rl.on('close', function () {
    console.log('child: interface closed');
  });
  rl.question('name? ', function (answer) {
    console.log('child: answer ' + JSON.stringify(answer));
    // unref'd: it fires only if stdin still keeps the loop running 300 ms after the answer.
    setTimeout(function () {
      console.log('child: still alive after 300 ms; calling rl.close()');
      rl.close();
    }, 300).unref();
  });
} else {
  process.on('exit', function (code) {
    console.log('parent: exit with code ' + code);
  });
  var child = spawn(process.execPath, [__filename, 'child'], { stdio: ['pipe', 'pipe', 'inherit'] });
  var out = '';
  child.stdout.on('data', function (d) { out += d; });
  // The answer, and the pipe stays open: the parent never ends the child's stdin.
  child.stdin.write('Ada\n');
  child.on('close', function (code, signal) {
    process.stdout.write(out);
    console.log('parent: child closed with code ' + code + ', signal ' + signal);
    child.stdin.destroy();
  });
}

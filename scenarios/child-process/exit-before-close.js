/*---
claim: "'exit' fires when the child process ends, even while its stdout is still open (here held by a grandchild) and output is still to come; 'close' waits until every holder of the stdio pipes has closed them, so only at 'close' is all the output in."
source: https://nodejs.org/api/child_process.html#event-close; https://nodejs.org/api/child_process.html#event-exit
tags: [child-process, streams, output, events]
why: "'exit' reports the process, 'close' reports the stdio streams. A grandchild that inherited the child's stdout keeps the pipe open after the child is gone; anything it writes arrives after 'exit'. Collecting output until 'exit' loses it."
instead: "Use 'close' to know that a child's output is complete."
---*/
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, [__dirname + '/_late-writer.js']);
var out = '';
var exited = false;
var signalled = false;
// Once the child has exited and the grandchild has said it is ready, ask the grandchild to write.
function signalGrandchild() {
  var m = /grandchild pid (\d+)/.exec(out);
  if (exited && m && out.indexOf('grandchild ready') >= 0 && !signalled) {
    signalled = true;
    process.kill(Number(m[1]), 'SIGUSR2');
  }
}
child.stdout.on('data', function (d) {
  out += d;
  signalGrandchild();
});
child.on('exit', function (code) {
  exited = true;
  console.log('exit: ' + code + ', late line received: ' + (out.indexOf('late line') >= 0));
  signalGrandchild();
});
child.on('close', function (code) {
  console.log('close: ' + code + ', late line received: ' + (out.indexOf('late line') >= 0));
});

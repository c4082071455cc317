/*---
claim: "A child killed by a signal ends with 'exit' and 'close' receiving code null and the signal's name ('SIGTERM'); child.killed is true and child.exitCode null."
source: https://nodejs.org/api/child_process.html#event-exit
tags: [child-process, signals, exit-codes]
why: "A process that dies of a signal has no exit code. Node passes null as the code and the signal name as the second argument; code that only checks `code !== 0` sees null, which is not 0 but also not a number."
instead: "Check both: `if (code !== 0) fail(signal ? 'killed by ' + signal : 'exit code ' + code)`."
---*/
var spawn = require('child_process').spawn;

var child = spawn(process.execPath, [__dirname + '/_wait-forever.js']);
child.stdout.once('data', function () {
  console.log('child is ready; kill() returned ' + child.kill('SIGTERM'));
});
child.on('exit', function (code, signal) {
  console.log('exit: ' + code + ' ' + signal + ', killed ' + child.killed + ', exitCode ' + child.exitCode + ', signalCode ' + child.signalCode);
});
child.on('close', function (code, signal) {
  console.log('close: ' + code + ' ' + signal);
});

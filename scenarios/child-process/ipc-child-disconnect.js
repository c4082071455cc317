/*---
claim: "When a fork()ed child closes its own IPC channel with process.disconnect(), both sides get 'disconnect', the child exits with 0, and the parent's ChildProcess emits 'exit' and then 'close'."
source: https://nodejs.org/api/process.html#processdisconnect; https://github.com/nodejs/node/issues/19433
tags: [child-process, events, handles]
why: "The IPC channel is what keeps a listening child alive; once it is closed, the child's loop ends. Unlike a disconnect started by the parent (child-process/ipc-disconnect), a disconnect started by the child lets the parent count the channel as closed, so 'close' follows 'exit'."
instead: "Let workers end their own channel when they are done, and still treat 'exit' as the end of the process."
---*/
var fork = require('child_process').fork;

var child = fork(__dirname + '/_ipc-child.js', ['self'], { stdio: ['ignore', 'pipe', 'ignore', 'ipc'] });
var out = '';
var events = [];
child.stdout.on('data', function (d) {
  out += d;
});
child.on('message', function (m) {
  console.log('parent: message ' + m);
});
child.on('disconnect', function () {
  console.log('parent: disconnect event, connected = ' + child.connected);
});
child.on('exit', function (code, signal) {
  events.push('exit ' + code + ' ' + signal);
});
child.on('close', function (code, signal) {
  events.push('close ' + code + ' ' + signal);
});
process.on('exit', function () {
  console.log('parent exits; child events: ' + events.join(', '));
  process.stdout.write(out);
});

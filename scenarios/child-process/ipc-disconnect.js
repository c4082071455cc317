/*---
claim: "When the parent ends a fork()ed child's IPC channel with child.disconnect(), both sides get 'disconnect' and the child exits with 0, but the ChildProcess never emits 'close' (a long-standing bug, nodejs/node#19433): code waiting for 'close' waits forever."
source: https://github.com/nodejs/node/issues/19433; https://nodejs.org/api/child_process.html#subprocessdisconnect
tags: [child-process, events, handles]
why: "The IPC channel keeps the child alive while it listens for messages; once it is closed the child's loop ends. 'close' is emitted after the process has exited and all its stdio streams and the channel have closed, and a disconnect started by the parent never counts the channel as closed. The parent's loop then has nothing left and simply ends."
instead: "After child.disconnect(), wait for 'exit' rather than 'close'; or let the child call process.disconnect() itself (see child-process/ipc-child-disconnect)."
---*/
var fork = require('child_process').fork;

var child = fork(__dirname + '/_ipc-child.js', [], { stdio: ['ignore', 'pipe', 'ignore', 'ipc'] });
var out = '';
var events = [];
child.stdout.on('data', function (d) {
  out += d;
});
child.on('message', function (m) {
  console.log('parent: message ' + m + ', calling child.disconnect()');
  child.disconnect();
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

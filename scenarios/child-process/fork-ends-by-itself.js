/*---
claim: "A fork()ed child with nothing left to do exits by itself with code 0, although its IPC channel to the parent is still open: the parent gets its message, then 'exit' 0, without ever calling disconnect()."
source: https://github.com/babel/babel/issues/13259; https://github.com/nodejs/node/issues/43930
tags: [child-process, handles, event-loop, exit]
why: "In a forked child the IPC channel does not keep the event loop alive as long as nothing listens for 'message' or 'disconnect' on process: Node unrefs it then. process.send() still works; once its work is done the child ends like any other script."
instead: "Nothing to do when the child should end by itself. If it listens for messages, see fork-message-listener-keeps-alive: then it has to be disconnected or exit explicitly."
links: [https://nodejs.org/api/child_process.html#child_processforkmodulepath-args-options, https://nodejs.org/api/process.html#event-message]
---*/
var fork = require('child_process').fork;

if (process.argv[2] === 'child') {
  process.send('hello from the child');
  // nothing else: the child's code ends here
} else {
  var child = fork(__filename, ['child']);
  child.on('message', function (m) {
    console.log('parent got: ' + m);
  });
  child.on('exit', function (code, signal) {
    console.log('child exit: ' + code + ' ' + signal + ', parent called disconnect(): false');
  });
}

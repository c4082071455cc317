/*---
claim: "A fork()ed child that listens for 'message' on process never exits by itself: 1 s after it has done its work it is still running; once the parent calls child.disconnect() it exits with code 0."
source: https://github.com/babel/babel/issues/13259; https://github.com/jiem/start-stop-daemon/pull/8
tags: [child-process, handles, event-loop, exit]
why: "A 'message' listener on process refs the IPC channel: the child now waits for messages for as long as the channel is open, and the parent keeps it open until it disconnects or ends. Tools that always fork with IPC (babel-node, process managers) make a script that merely adds such a listener hang."
instead: "Have the parent call child.disconnect() when it has no more to send, or have the child call process.disconnect() (or process.channel.unref()) when its work is done."
links: [https://nodejs.org/api/child_process.html#child_processforkmodulepath-args-options, https://nodejs.org/api/process.html#event-message, https://nodejs.org/api/process.html#processchannelunref]
---*/
var fork = require('child_process').fork;

if (process.argv[2] === 'child') {
  process.on('message', function () {});
  process.send('work done');
} else {
  var child = fork(__filename, ['child']);
  child.on('message', function (m) {
    console.log('parent got: ' + m);
    // A child that could exit would do so within milliseconds; with the listener it cannot
    // exit at all, so 1 s is only there to show it.
    setTimeout(function () {
      console.log('1 s later: child exitCode ' + child.exitCode + ', calling child.disconnect()');
      child.disconnect();
    }, 1000);
  });
  child.on('exit', function (code, signal) {
    console.log('child exit: ' + code + ' ' + signal);
  });
}

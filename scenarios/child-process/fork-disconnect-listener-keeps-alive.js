/*---
claim: "A 'disconnect' listener on process also keeps a fork()ed child alive: 1 s after its work it is still running (it exits 0 once the parent disconnects), while the same child that also calls process.channel.unref() exits 0 by itself."
source: https://github.com/nodejs/node/issues/43930
tags: [child-process, handles, event-loop, exit]
why: "Adding a 'message' or 'disconnect' listener to process refs the IPC channel, and a ref'd channel keeps the child's event loop alive for as long as the parent keeps it open. A child that only wants to hear when its parent goes away then never ends by itself. process.channel.unref() takes the channel out of what the loop waits for, and the listener still works."
instead: "In a child that listens for 'disconnect' only to clean up, call process.channel.unref() after adding the listener; or end the child explicitly when its work is done."
links: [https://nodejs.org/api/process.html#event-disconnect, https://nodejs.org/api/process.html#processchannelunref]
---*/
var fork = require('child_process').fork;

if (process.argv[2] === 'child') {
  process.on('disconnect', function () {});
  if (process.argv[3] === 'unref') process.channel.unref();
  process.send('work done');
} else {
  // 1: the listener alone. A child that could exit would do so within milliseconds; with the
  // listener it cannot exit at all, so 1 s is only there to show it.
  var first = fork(__filename, ['child', 'listener']);
  first.on('message', function () {
    setTimeout(function () {
      console.log('listener only: 1 s later exitCode ' + first.exitCode + ', calling disconnect()');
      first.disconnect();
    }, 1000);
  });
  first.on('exit', function (code) {
    console.log('listener only: exit ' + code);
    // 2: the listener and process.channel.unref(): the parent never disconnects.
    var second = fork(__filename, ['child', 'unref']);
    second.on('exit', function (code2) {
      console.log('listener and channel.unref(): exit ' + code2 + ' by itself');
    });
  });
}

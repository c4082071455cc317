/*---
claim: "A MessageChannel port with a 'message' listener keeps the process alive although no message will ever come: an unref'd 300 ms timer still gets to fire, and only port.close() lets the process exit with code 0."
source: https://github.com/mswjs/msw/pull/2196
tags: [handles, event-loop, workers]
why: "A MessagePort is a libuv handle. Node refs it when the first 'message' listener is added, because a listener means someone waits for messages, and the loop cannot know that no one will ever send one. The unref'd timer keeps nothing alive by itself: it fires only because the port does."
instead: "Close a port you are done with (port.close(), which closes its peer too), or unref() it if it must not keep the process alive; remove the listener with off()."
links: [https://github.com/TanStack/ai/pull/1012, https://nodejs.org/api/worker_threads.html#portunref, https://nodejs.org/api/worker_threads.html#portclose]
explains: {hang-message-port: 1}
---*/
var MessageChannel = require('worker_threads').MessageChannel;

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var channel = new MessageChannel();
channel.port1.on('message', function (m) {
  console.log('message: ' + m);
});
channel.port1.on('close', function () {
  console.log('port1 closed');
});

// unref'd: it fires only if something else (the port) keeps the loop running for 300 ms.
setTimeout(function () {
  console.log('still alive after 300 ms; calling port1.close()');
  channel.port1.close();
}, 300).unref();
console.log('end of code');

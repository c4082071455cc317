/*---
claim: "After port.unref() a MessagePort with a 'message' listener no longer keeps the process alive, and a port with no listener never did: the process exits with code 0 at once, the unref'd 300 ms timer never firing."
source: https://github.com/mswjs/msw/pull/2196
tags: [handles, event-loop, workers]
why: "unref() takes the port out of what the loop waits for, as for a timer or a socket, while its listener stays attached. A port that nobody listens on is not ref'd in the first place: Node refs a port when a 'message' listener is added and unrefs it when the last one is removed."
instead: "unref() a port whose messages are optional (a library's internal channel); close() it when it is no longer needed."
links: [https://github.com/oven-sh/bun/pull/38144, https://nodejs.org/api/worker_threads.html#portunref]
explains: {hang-message-port: 3}
---*/
var MessageChannel = require('worker_threads').MessageChannel;

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var listened = new MessageChannel();
listened.port1.on('message', function (m) {
  console.log('message: ' + m);
});
listened.port1.unref();

var silent = new MessageChannel();

setTimeout(function () {
  console.log('still alive after 300 ms; closing both channels');
  listened.port1.close();
  silent.port1.close();
}, 300).unref();
console.log('end of code');

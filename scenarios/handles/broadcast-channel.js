/*---
claim: "A BroadcastChannel keeps the process alive from the moment it is created, with no listener and no message: an unref'd 300 ms timer still gets to fire, and only channel.close() lets the process exit with code 0."
source: https://github.com/dexie/Dexie.js/pull/1576
node: '>=15.4.0'
tags: [handles, event-loop, workers]
why: "A BroadcastChannel listens for messages from the other channels of its name from the moment it is created, through a handle that is ref'd whether or not anyone listens to the channel itself. A library that creates one when it is imported therefore keeps every script that imports it from ending; the Dexie report dates its problem from Node 18, where BroadcastChannel became a global."
instead: "Call close() on a channel when done, or unref() it right after creating it if it must not keep the process alive."
links: [https://github.com/mswjs/msw/pull/2196, https://nodejs.org/api/worker_threads.html#class-broadcastchannel-extends-eventtarget]
explains: {hang-message-port: 2}
---*/
var BroadcastChannel = require('worker_threads').BroadcastChannel;

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var channel = new BroadcastChannel('handles-demo');

// unref'd: it fires only if something else (the channel) keeps the loop running for 300 ms.
setTimeout(function () {
  console.log('still alive after 300 ms; calling channel.close()');
  channel.close();
}, 300).unref();
console.log('end of code');

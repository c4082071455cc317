/*---
claim: "A bound UDP socket keeps the process alive although no datagram will ever arrive: an unref'd 300 ms timer still fires, and the process exits with code 0 only after socket.close()."
source: https://github.com/nodejs/node-v0.x-archive/pull/3707
tags: [handles, event-loop, network]
why: "bind() starts the socket receiving, and a receiving UDP handle is active for the loop: unlike TCP there is no connection whose end would tell Node that nothing more can come, so the socket waits for as long as it is open. close() (or unref(), which Node added for this case) releases it."
instead: "Close the socket when done, or unref() it if it should only listen while something else keeps the process running."
links: [https://nodejs.org/api/dgram.html#socketclosecallback, https://nodejs.org/api/dgram.html#socketunref]
---*/
var dgram = require('dgram');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var socket = dgram.createSocket('udp4');
socket.on('message', function () {
  console.log('got a datagram');
});
socket.bind(0, '127.0.0.1', function () {
  console.log('bound');
  // unref'd: it fires only if something else (the socket) keeps the loop running for 300 ms.
  setTimeout(function () {
    console.log('still alive after 300 ms; calling socket.close()');
    socket.close(function () {
      console.log('socket closed');
    });
  }, 300).unref();
});

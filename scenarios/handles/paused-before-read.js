/*---
claim: "A TCP socket paused inside its 'connect' callback never starts reading and does not keep the process alive: with the server closed and its side of the connection unref'd, the process exits with code 0 at once, the unref'd 300 ms timer never firing and the socket never closed."
source: https://github.com/oven-sh/bun/pull/31155
tags: [handles, event-loop, network]
why: "Node starts reading a socket right after its 'connect' listeners have run, unless it is paused by then. An open TCP handle that is not reading, writing or connecting is idle for libuv, and an idle handle does not keep the loop running, ref'd or not. Pausing later, once reading has begun, does not stop the reads and keeps the process alive (handles/paused-socket)."
instead: "Do not use pause() to decide whether a process may end: close or destroy() sockets you are done with, unref() those that must not hold the process, and keep a ref'd handle (or the socket unpaused) while you wait for its data."
links: [https://nodejs.org/api/net.html#socketpause, https://docs.libuv.org/en/v1.x/handle.html#reference-counting]
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var server = net.createServer(function (accepted) {
  // The server's side of the connection must not hold the process: only the client's side is observed.
  accepted.unref();
  accepted.on('error', function () {});
  server.close();
});
server.listen(0, '127.0.0.1', function () {
  var client = net.connect(server.address().port, '127.0.0.1', function () {
    client.pause();
    console.log('connected and paused at once; the server is closed');
    // unref'd: it fires only if something else (the paused socket) keeps the loop running for 300 ms.
    setTimeout(function () {
      console.log('still alive after 300 ms; calling client.destroy()');
      client.destroy();
    }, 300).unref();
  });
  client.on('close', function () {
    console.log('client closed');
  });
});

/*---
claim: "Pausing a TCP socket that has started reading does not let the process exit: with the server closed and its side of the connection unref'd, a client socket paused after its first data still keeps the process alive (an unref'd 300 ms timer fires), and only destroy() lets it exit with code 0."
source: https://github.com/oven-sh/bun/pull/31155
tags: [handles, event-loop, network]
why: "pause() only stops the stream from emitting 'data': the socket's handle goes on reading into the stream's buffer (until that buffer is full), so it stays active and the loop still counts it. unref() or destroy() are what release it. (A socket paused inside its 'connect' callback is another case: Node never starts reading it, and an idle handle that is not reading does not hold the loop.)"
instead: "destroy() (or end()) a socket you are done with, or unref() it if it must not keep the process alive; do not rely on pause() to let the process end."
links: [https://nodejs.org/api/net.html#socketpause, https://nodejs.org/api/net.html#socketunref]
explains: {hang-socket: 1}
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var server = net.createServer(function (accepted) {
  // The server's side of the connection must not hold the process: only the client's side is observed.
  accepted.unref();
  accepted.on('error', function () {});
  accepted.write('hi');
  server.close();
});
server.listen(0, '127.0.0.1', function () {
  var client = net.connect(server.address().port, '127.0.0.1');
  client.once('data', function (chunk) {
    client.pause();
    console.log('client got ' + JSON.stringify(String(chunk)) + ' and paused; the server is closed');
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

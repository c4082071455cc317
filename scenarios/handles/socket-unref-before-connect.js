/*---
claim: "socket.unref() called before connect() does not stop the connection attempt: the connection completes and its 'connect' callback runs, and only then, with the socket unref'd, does the process exit with code 0, without the socket ever being closed."
source: https://github.com/oven-sh/bun/pull/39856
tags: [handles, event-loop, network]
why: "Before connect() a net.Socket has no handle to unref. Node remembers the call and applies it when the connection is made (the socket unrefs itself on 'connect'), so the pending connect holds the loop and the unref takes effect afterwards. Code that unrefs a client early (testcontainers' reaper, for one) relies on the connection still being made."
instead: "Nothing to change if the connection should be made; to give up on a connection attempt, destroy() the socket (or use a timeout), since unref() will not cancel it."
links: [https://github.com/nodejs/node-v0.x-archive/issues/7077, https://nodejs.org/api/net.html#socketunref]
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var server = net.createServer(function (accepted) {
  // The server's side of the connection must not hold the process: only the client's side is observed.
  accepted.unref();
  accepted.on('error', function () {});
});
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  server.unref();
  var client = new net.Socket();
  client.unref();
  console.log('client unref()ed before connect()');
  client.connect(port, '127.0.0.1', function () {
    console.log('connected');
  });
  client.on('close', function () {
    console.log('client closed');
  });
});

/*---
claim: "socket.setTimeout() on an unref'd socket does not keep the process alive: a connected client socket that is unref'd and given a 200 ms idle timeout, facing a server that never writes, lets the process exit with code 0 at once; 'timeout' never fires."
source: https://github.com/nodejs/node/issues/795
tags: [handles, event-loop, network, timers]
why: "A socket's idle timeout is a timer that Node refs or unrefs together with the socket, so an unref'd socket's timeout does not hold the loop either. With nothing else active the process ends before the timeout is due, and the 'timeout' listener never gets to run."
instead: "If the timeout must be reported, keep the socket ref'd while waiting for it (or keep a ref'd timer of your own)."
links: [https://github.com/nodejs/node-v0.x-archive/pull/5500, https://nodejs.org/api/net.html#socketsettimeouttimeout-callback]
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var server = net.createServer(function (accepted) {
  // The server accepts and stays silent; its side must not hold the process either.
  accepted.unref();
  accepted.on('error', function () {});
});
server.listen(0, '127.0.0.1', function () {
  var port = server.address().port;
  server.unref();
  var client = net.connect(port, '127.0.0.1', function () {
    client.setTimeout(200, function () {
      console.log('timeout fired');
      client.destroy();
    });
    client.unref();
    console.log('connected; idle timeout 200 ms set and socket unref()ed');
  });
});

/*---
claim: "A net server that never adds an 'error' listener to its connections is crashed by any client that resets one: the server's socket emits 'Error: read ECONNRESET' and the whole process ends with exit code 1 ('exit' listeners get 1), not only that connection. (The client resets with socket.resetAndDestroy(), from 16.17 and 18.3.)"
source: https://github.com/nodejs/help/issues/1807; https://github.com/nodejs/node/issues/11414; https://github.com/AikidoSec/safe-chain/pull/103; https://github.com/sitegui/nodejs-websocket/issues/26
tags: [network, errors, events, exit-codes]
node: '>=16.17 <17 || >=18.3'
why: "Each accepted connection is a Socket of its own, and a failed read on it is that socket's 'error' event; the server's 'error' listener (if any) never sees it. A connection reset by the peer (a client killed, a proxy or load balancer dropping it) is an ordinary event on a network, and with no listener on the socket it is an uncaught exception for the whole server."
instead: "In the 'connection' handler, socket.on('error', ...) on every socket (log it and let the socket close); http.Server does this for you, a plain net.Server does not."
links: [https://nodejs.org/api/net.html#event-error_1, https://nodejs.org/api/net.html#socketresetanddestroy]
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var accepted = null;
var server = net.createServer(function (socket) {
  accepted = socket;
  console.log('server: connection; writing to it');
  socket.write('hi');
});
server.listen(0, '127.0.0.1', function () {
  var client = net.connect(server.address().port, '127.0.0.1');
  client.once('data', function () {
    console.log('client: got data; resetting the connection');
    client.resetAndDestroy();
    // Only if the reset did not end the process: a wide margin, since it should never fire.
    setTimeout(function () {
      console.log('2 s after the reset the server is still running; closing it');
      accepted.destroy();
      server.close();
    }, 2000).unref();
  });
});

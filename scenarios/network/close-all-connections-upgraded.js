/*---
claim: "server.close() followed by server.closeAllConnections() does not end a connection that was upgraded (a WebSocket-style 101 Switching Protocols): 1 s later the close callback still has not run, and it runs only once that socket is destroyed by hand."
source: https://github.com/nodejs/node/issues/53536; https://github.com/websockets/ws/issues/1995; https://github.com/websockets/ws/issues/2137
node: '>=18.2.0'
tags: [network, http, shutdown, handles]
why: "After an 'upgrade' the HTTP server hands the socket to your code and stops tracking it as one of its HTTP connections, so closeAllConnections() (and closeIdleConnections()) never see it. The socket still counts as a connection of the underlying net.Server, and server.close() calls back only when that count reaches zero."
instead: "Keep the sockets you accept in 'upgrade' in a Set (delete them on 'close') and destroy them on shutdown, or close them through the WebSocket library (ws: close each client, then wss.close())."
links: [https://nodejs.org/api/http.html#servercloseallconnections, https://nodejs.org/api/http.html#event-upgrade]
---*/
var http = require('http');
var net = require('net');

var upgraded = null;
var server = http.createServer(function (req, res) {
  res.end('plain');
});
server.on('upgrade', function (req, socket) {
  upgraded = socket;
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n');
});

server.listen(0, '127.0.0.1', function () {
  var client = net.connect(server.address().port, '127.0.0.1', function () {
    client.write('GET / HTTP/1.1\r\nHost: x\r\nUpgrade: test\r\nConnection: Upgrade\r\n\r\n');
  });
  client.on('error', function (e) {
    console.log('client error: ' + e.code);
  });
  var started = false;
  client.on('data', function (d) {
    if (started) return;
    started = true;
    console.log('client: ' + String(d).split('\r\n')[0]);
    server.close(function () {
      console.log('server close callback');
    });
    server.closeAllConnections();
    console.log('server.close() and closeAllConnections() called');
    setTimeout(function () {
      console.log('1 s later the close callback has not run; destroying the upgraded socket');
      upgraded.destroy();
    }, 1000);
  });
});

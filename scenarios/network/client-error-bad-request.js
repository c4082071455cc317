/*---
claim: "A malformed request does not crash an http server with no 'clientError' listener: Node answers that connection with '400 Bad Request' and closes it, the request handler never runs, and the server goes on serving the next request."
source: https://github.com/oven-sh/bun/pull/35025; https://nodejs.org/api/http.html#event-clienterror
tags: [http, network, errors]
why: "A parse error on a connection is reported as the server's 'clientError' event, not as 'error'; with no listener Node's default answers 400 (when nothing was written yet) and destroys that socket. The error stays on that one connection."
instead: "Add a 'clientError' listener only to log or to answer differently; end the socket in it (socket.end('HTTP/1.1 400 Bad Request\\r\\n\\r\\n')), since with a listener Node no longer does."
links: [https://nodejs.org/api/http.html#event-clienterror]
---*/
var http = require('http');
var net = require('net');

var server = http.createServer(function (req, res) {
  console.log('handler: ' + req.method + ' ' + req.url);
  res.end('ok');
});

// Sends raw bytes on a new connection and calls back with the first line of the whole answer.
function send(bytes, done) {
  var client = net.connect(server.address().port, '127.0.0.1', function () {
    client.write(bytes);
  });
  var answer = '';
  client.setEncoding('latin1');
  client.on('data', function (chunk) {
    answer += chunk;
  });
  client.on('end', function () {
    done(answer.split('\r\n')[0]);
  });
}

server.listen(0, '127.0.0.1', function () {
  send('NOT A REQUEST\r\n\r\n', function (first) {
    console.log('malformed request: ' + first);
    send('GET /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', function (second) {
      console.log('next request: ' + second);
      server.close();
    });
  });
});

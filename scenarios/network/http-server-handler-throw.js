/*---
claim: "A synchronous throw inside an http.createServer request handler is an uncaught exception for the whole process: the server crashes with exit code 1 ('exit' listeners get 1) while its client is still waiting, and nothing answers the request."
source: https://github.com/pomerium/mcp-app-demo/issues/24; https://github.com/espadrine/sc/issues/58; https://github.com/madhums/node-express-mongoose-demo/issues/7
tags: [http, network, errors, uncaughtException, exit-codes]
why: "Node's http server calls the handler as a 'request' listener from the parser's callback: no try/catch of Node's own is around it, so a throw there is an uncaught exception like any other. It ends the process, and every connection the server has, not only the request that threw."
instead: "Catch inside the handler (or use a framework that does, and answers 500), and keep an 'error' listener on req and res; a process manager restarts what still crashes."
links: [https://nodejs.org/api/http.html#event-request, https://nodejs.org/api/process.html#event-uncaughtexception]
---*/
var http = require('http');
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var server = http.createServer(function (req) {
  console.log('handler: got ' + req.method + ' ' + req.url + '; throwing');
  throw new Error('boom in handler');
});
server.listen(0, '127.0.0.1', function () {
  // A raw client in the same process: if the server crashes it ends too; if the server survives,
  // the client prints the status line of its answer and closes everything, so the process can end.
  var client = net.connect(server.address().port, '127.0.0.1', function () {
    client.write('GET /boom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  client.once('data', function (chunk) {
    console.log('client: got ' + String(chunk).split('\r\n')[0]);
    client.destroy();
    server.close();
  });
});

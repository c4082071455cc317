/*---
claim: "res.setHeader() after res.end() throws ERR_HTTP_HEADERS_SENT ('Cannot set headers after they are sent to the client') synchronously inside the handler: with no try/catch the server process crashes with exit code 1 and the handler's next line never runs."
source: https://github.com/bcrumbs/booben/issues/76; https://github.com/pomerium/mcp-app-demo/issues/24; https://github.com/modelcontextprotocol/inspector/pull/295; https://github.com/sahat/hackathon-starter/issues/413
tags: [http, network, errors, uncaughtException, exit-codes]
why: "Headers go out with the first write or end(); after that setHeader() has nothing left to change and throws. The throw is synchronous, inside the request handler, so it is an uncaught exception for the whole server, even though the response itself was already complete (typically a second code path answering the same request: a callback called twice, a missing return after res.end())."
instead: "Return after answering; guard late header writes with if (!res.headersSent); make sure each request is answered by one code path."
links: [https://nodejs.org/api/http.html#responsesetheadername-value, https://nodejs.org/api/errors.html#err_http_headers_sent]
---*/
var http = require('http');
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var server = http.createServer(function (req, res) {
  res.end('ok');
  console.log('handler: res.end() called; now res.setHeader()');
  res.setHeader('X-Late', '1');
  console.log('handler: after setHeader()');
});
server.listen(0, '127.0.0.1', function () {
  // A raw client in the same process: if the server crashes it ends too; if the server survives,
  // the client prints the status line of its answer and closes everything, so the process can end.
  var client = net.connect(server.address().port, '127.0.0.1', function () {
    client.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  });
  client.once('data', function (chunk) {
    console.log('client: got ' + String(chunk).split('\r\n')[0]);
    client.destroy();
    server.close();
  });
});

/*---
claim: "A server that destroys the connection before answering makes the client's request emit 'Error: socket hang up' (code ECONNRESET); with no 'error' listener on the request the client process crashes with exit code 1, 'exit' listeners get 1, and the response callback never runs."
source: https://github.com/restify/node-restify/issues/491; https://github.com/macbre/nodemw/issues/12; https://github.com/node-modules/agentkeepalive/issues/23
tags: [http, network, errors, events, exit-codes]
why: "When the connection closes before any response arrives, the ClientRequest emits 'error' with the message 'socket hang up' and code ECONNRESET, whichever side closed it and however. The message does not say that the server closed the connection, and an 'error' event with no listener is an uncaught exception."
instead: "req.on('error', ...) on every request; treat ECONNRESET 'socket hang up' as \"the server (or something between) closed the connection before answering\" and retry only if the request is idempotent."
links: [https://nodejs.org/api/http.html#httprequesturl-options-callback, https://nodejs.org/api/errors.html#common-system-errors]
---*/
var http = require('http');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var server = http.createServer(function (req) {
  console.log('server: got ' + req.method + ' ' + req.url + '; destroying the connection');
  req.socket.destroy();
});
server.listen(0, '127.0.0.1', function () {
  server.unref();
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/' }, function () {
    console.log('response callback');
  });
});

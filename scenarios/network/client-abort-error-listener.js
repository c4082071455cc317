/*---
claim: "When a client disconnects in the middle of its request body, a server's req that has an 'error' listener receives 'Error: aborted' with code ECONNRESET, between 'aborted' and 'close', from Node 15.0.0; up to 14 it gets no 'error' at all, only 'aborted' and 'close'."
source: https://github.com/nodejs/node/issues/37659; https://github.com/oven-sh/bun/pull/35025; https://github.com/oven-sh/bun/pull/28639
tags: [http, network, errors, events]
why: "Node 15 made a request cut short an error of the IncomingMessage stream (nodejs/node#33172), as for any other stream destroyed before its end; it is emitted only toward an 'error' listener, so a server without one is not crashed by it (network/client-abort-mid-upload)."
instead: "Treat ECONNRESET 'aborted' on req as the client going away, not as a server fault: clean up and do not log it as an error; on 14 and earlier listen for 'aborted' or 'close' with req.complete false."
links: [https://nodejs.org/api/http.html#event-aborted, https://nodejs.org/api/http.html#class-httpincomingmessage]
changes: [{in: '15.0.0', what: "req emits 'error' (aborted, ECONNRESET) to its 'error' listeners when the client disconnects before the end of the body", link: 'https://github.com/nodejs/node/pull/33172'}]
---*/
var http = require('http');
var net = require('net');

var client;
var server = http.createServer(function (req) {
  req.once('data', function () {
    console.log('server: first part of the body read; the client disconnects');
    client.destroy();
  });
  req.on('aborted', function () {
    console.log("server: req 'aborted'");
  });
  req.on('error', function (err) {
    console.log("server: req 'error': " + err.message + ', code ' + err.code);
  });
  req.on('close', function () {
    console.log("server: req 'close', complete: " + req.complete);
    server.close();
  });
});
server.listen(0, '127.0.0.1', function () {
  client = net.connect(server.address().port, '127.0.0.1', function () {
    client.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\npartial');
  });
});

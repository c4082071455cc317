/*---
claim: "A client that disconnects in the middle of its request body does not crash a server that has no 'error' listener on req: the server's req emits 'aborted' and then 'close' (complete false), and the process goes on and exits 0 once the server is closed, on every version from 12 (including 15.0.0, 15.8.0 and 15.14.0, where a user reported such a crash)."
source: https://github.com/nodejs/node/issues/37659; https://github.com/oven-sh/bun/pull/35025; https://github.com/oven-sh/bun/pull/28639
tags: [http, network, errors, events, exit-codes]
why: "A request cut short is not an error Node reports to a server that does not ask: req emits 'aborted' (deprecated since 17, still emitted) and 'close', with req.complete false. Node 15 added an 'error' for this case (nodejs/node#33172), but only toward an 'error' listener, so a server without one is not crashed. (nodejs/node#37659 reports an 'Error: aborted' crash on 15.8.0 from a fuller server; this scenario, which reads the body with a 'data' listener, does not reproduce it there.)"
instead: "Clean up in req 'close' when req.complete is false (or res 'close' when res.writableFinished is false); add req.on('error', ...) anyway, since it is what sees the ECONNRESET where one is emitted."
links: [https://nodejs.org/api/http.html#event-aborted, https://github.com/nodejs/node/pull/33172]
---*/
var http = require('http');
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var client;
var server = http.createServer(function (req) {
  req.once('data', function () {
    console.log('server: first part of the body read; the client disconnects');
    client.destroy();
  });
  req.on('aborted', function () {
    console.log("server: req 'aborted'");
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

/*---
claim: "res.write() after res.end() in a request handler does not throw: it returns (true up to Node 14, false from 15) and the handler's next line runs, then the ServerResponse emits ERR_STREAM_WRITE_AFTER_END as an 'error', and with no listener on it the server process crashes with exit code 1 ('exit' listeners get 1)."
source: https://github.com/stencila/cli/issues/14; https://github.com/espadrine/sc/issues/58
tags: [http, network, errors, events, streams, exit-codes]
why: "A ServerResponse is a writable stream: a write after end() is reported as its 'error' event on a later tick, not thrown at the call. Node's http server adds no 'error' listener to res, so the event is an uncaught exception for the whole process, even though the response itself was complete."
instead: "Write to a response from one code path and return after res.end(); check res.writableEnded before a late write; or add res.on('error', ...)."
links: [https://nodejs.org/api/http.html#responsewritechunk-encoding-callback, https://nodejs.org/api/errors.html#err_stream_write_after_end]
changes: [{in: '15.0.0', what: 'res.write() after res.end() returns false instead of true', link: 'https://github.com/nodejs/node/pull/31818'}]
---*/
var http = require('http');
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var server = http.createServer(function (req, res) {
  res.end('ok');
  console.log('handler: res.end() called; now res.write()');
  var returned = res.write('more');
  console.log('handler: res.write() returned ' + returned);
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

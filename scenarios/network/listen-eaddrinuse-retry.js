/*---
claim: "A server whose 'error' listener retries listen() on the same object after EADDRINUSE gets a normal start once the port is free: the second listen() on that server succeeds, the listen callback of the first call runs (it was left waiting as a 'listening' listener) together with the second's, and the process carries on."
source: https://github.com/nodejs/node/issues/30209; https://github.com/CodeboxIDE/codebox/issues/186
tags: [network, errors, events]
why: "listen(port, cb) adds cb as a one-time 'listening' listener. A failed bind emits 'error' and leaves the server unbound but reusable, so listen() may be called again; the 'listening' listener of the failed attempt is still there and runs on the first success, beside the new one. Each retry adds one more."
instead: "Retry with server.listen(port) without a new callback (put the start-up code in one server.once('listening', ...)), or remove the old listener before retrying."
links: [https://nodejs.org/api/net.html#serverlisten, https://nodejs.org/api/net.html#event-listening]
---*/
var net = require('net');

var holder = net.createServer();
holder.listen(0, '127.0.0.1', function () {
  var port = holder.address().port;
  var server = net.createServer();
  var tries = 0;
  server.on('error', function (err) {
    tries++;
    console.log('error listener: ' + err.code + '; freeing the port, then retrying');
    holder.close(function () {
      server.listen(port, '127.0.0.1', function () {
        console.log('listen callback of try ' + (tries + 1));
      });
    });
  });
  server.listen(port, '127.0.0.1', function () {
    console.log('listen callback of try 1');
  });
  server.on('listening', function () {
    console.log("'listening': the server listens on the port it asked for: " + (server.address().port === port));
    setImmediate(function () {
      server.close(function () {
        console.log('server closed');
      });
    });
  });
});

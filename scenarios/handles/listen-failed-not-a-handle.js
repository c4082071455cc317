/*---
claim: "A server whose listen() failed with EADDRINUSE, the error handled, holds nothing: once the server that owns the port is closed the process exits with code 0 at once, without close() ever being called on the failed one."
source: https://github.com/CodeboxIDE/codebox/issues/186
tags: [handles, network, event-loop]
why: "listen() creates the server's handle and tries to bind it; when the bind fails Node closes that handle again before it emits 'error', so the failed server is left with no handle for the loop to wait on. Only a server that is listening keeps the process alive. (With no 'error' listener the same failure crashes the process instead.)"
instead: "After a failed listen() there is nothing to clean up; to retry, call listen() again (on another port, or after the other owner has gone)."
links: [https://nodejs.org/api/net.html#serverlisten, https://nodejs.org/api/net.html#event-error]
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var owner = net.createServer();
owner.listen(0, '127.0.0.1', function () {
  var port = owner.address().port;
  var second = net.createServer();
  second.on('error', function (err) {
    console.log('second server: ' + err.code + ', listening ' + second.listening);
    owner.close(function () {
      console.log('owner closed; the second server was never closed');
    });
  });
  second.listen(port, '127.0.0.1');
});

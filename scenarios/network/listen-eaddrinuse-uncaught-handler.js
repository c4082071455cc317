/*---
claim: "An 'uncaughtException' listener receives the EADDRINUSE 'error' that a server with no 'error' listener could not deliver, and the process carries on: the code after it runs, the listen callback never does, and with the first server closed the process exits with code 0."
source: https://github.com/nodejs/node/issues/11414; https://github.com/expressjs/express/issues/800
tags: [network, errors, events, uncaughtException]
why: "An 'error' event with no listener is thrown from emit(), on the tick where net reports the failed bind. Nothing in the application's code is on the stack to catch it, so it is an uncaught exception, and a process-wide 'uncaughtException' listener is the only place that sees it. With such a listener Node does not exit, and the server that failed to bind holds nothing open."
instead: "Listen for 'error' on the server itself: the listener knows which server failed and why, and the process is not left in the unknown state an 'uncaughtException' listener implies."
links: [https://nodejs.org/api/process.html#event-uncaughtexception, https://nodejs.org/api/net.html#serverlisten]
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var first = net.createServer();
process.on('uncaughtException', function (err) {
  console.log('uncaughtException: ' + err.code + ' (' + err.syscall + '); closing the first server');
  first.close();
});

first.listen(0, '127.0.0.1', function () {
  var second = net.createServer();
  second.listen(first.address().port, '127.0.0.1', function () {
    console.log('second server listening');
  });
  console.log('listen() returned');
});

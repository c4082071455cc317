/*---
claim: "net.connect() to a loopback port where nothing listens, with no 'error' listener on the socket, crashes the process: `Error: connect ECONNREFUSED 127.0.0.1:<port>`, emitted on the Socket, with `syscall: 'connect'`, exit code 1; the connect callback never runs."
source: https://github.com/nodejs/node/issues/11414; https://github.com/nodejs/help/issues/1807
tags: [network, errors, events, exit-codes, uncaughtException]
why: "A socket reports a failed connection as an 'error' event, not as an exception from connect(). Without a listener the event is thrown, so the crash happens in a later turn of the event loop, where no try/catch around the call can catch it."
instead: "socket.on('error', ...) on every socket, set before the connection can fail (right after net.connect())."
links: [https://nodejs.org/api/net.html#netconnect, https://nodejs.org/api/events.html#error-events]
changes:
  - {in: '12.3.0', what: "the crash report ends with the error's properties (errno, code, syscall, address, port)", link: 'https://github.com/nodejs/node/pull/27243'}
  - {in: '12.9.0', what: "the crash report names the emitter: `Emitted 'error' event on Socket instance at:` instead of `Emitted 'error' event at:`", link: 'https://github.com/nodejs/node/pull/28952'}
  - {in: '13.0.0', what: "the printed errno is the number -111 instead of the string 'ECONNREFUSED'", link: 'https://github.com/nodejs/node/pull/28140'}
  - {in: '17.0.0', what: 'the crash report ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var probe = net.createServer();
probe.listen(0, '127.0.0.1', function () {
  var port = probe.address().port;
  probe.close(function () {
    try {
      net.connect(port, '127.0.0.1', function () {
        console.log('connected (never printed)');
      });
      console.log('net.connect() returned without throwing');
    } catch (e) {
      console.log('net.connect() threw ' + e.code);
    }
  });
});

/*---
claim: "server.listen() on a port that is already in use, with no 'error' listener on the server, does not throw at the call: the code after listen() runs, the listen callback never does, and the process then crashes with `Error: listen EADDRINUSE: address already in use`, exit code 1 (the 'exit' listeners receive 1)."
source: https://github.com/expressjs/express/issues/1200; https://github.com/foreversd/forever/issues/346; https://github.com/browserify/events/issues/80; https://github.com/storacha/upload-service/pull/594
tags: [network, errors, events, exit-codes, uncaughtException]
why: "listen() only starts the bind: the port is checked on the next turn of the event loop and the failure arrives as an 'error' event on the server. An 'error' event that nobody listens for is thrown, so the whole process ends there; a try/catch around listen() never sees it."
instead: "Add server.on('error', ...) before listen() and decide there: exit with a message and a non-zero code, or try another port (network/listen-eaddrinuse-retry)."
links: [https://nodejs.org/api/net.html#serverlisten, https://nodejs.org/api/events.html#error-events, https://nodejs.org/api/errors.html#eaddrinuse]
changes:
  - {in: '12.3.0', what: "the crash report ends with the error's properties (code, errno, syscall, address, port)", link: 'https://github.com/nodejs/node/pull/27243'}
  - {in: '12.9.0', what: "the crash report names the emitter: `Emitted 'error' event on Server instance at:` instead of `Emitted 'error' event at:`", link: 'https://github.com/nodejs/node/pull/28952'}
  - {in: '13.0.0', what: "the printed errno is the number -98 instead of the string 'EADDRINUSE'", link: 'https://github.com/nodejs/node/pull/28140'}
  - {in: '17.0.0', what: 'the crash report ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var first = net.createServer();
first.listen(0, '127.0.0.1', function () {
  first.unref();
  var second = net.createServer();
  try {
    second.listen(first.address().port, '127.0.0.1', function () {
      console.log('second server listening (never printed)');
    });
    console.log('listen() returned without throwing');
  } catch (e) {
    console.log('listen() threw ' + e.code);
  }
});

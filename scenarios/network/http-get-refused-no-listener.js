/*---
claim: "http.get() to a loopback port where nothing listens, with no 'error' listener on the request, crashes the process after the rest of the synchronous code has run: `Error: connect ECONNREFUSED 127.0.0.1:<port>`, emitted on the ClientRequest, exit code 1; the response callback never runs."
source: https://github.com/nodejs/node/issues/11414; https://github.com/node-fetch/node-fetch/issues/1862; https://github.com/jeangnc/us-visa-bot/issues/7
tags: [network, errors, events, exit-codes, uncaughtException]
why: "http.get() returns the request at once; the connection is tried afterwards and its failure is emitted as an 'error' event on that request. With nobody listening, the 'error' event is thrown as an uncaught exception, which ends the process: one refused connection in a helper takes the whole program down."
instead: "Give every request an 'error' listener (req.on('error', ...)), or use a promise-based client whose rejection you await and catch."
links: [https://nodejs.org/api/http.html#httpgeturl-options-callback, https://nodejs.org/api/events.html#error-events]
changes:
  - {in: '12.3.0', what: "the crash report ends with the error's properties (errno, code, syscall, address, port)", link: 'https://github.com/nodejs/node/pull/27243'}
  - {in: '12.9.0', what: "the crash report names the emitter: `Emitted 'error' event on ClientRequest instance at:` instead of `Emitted 'error' event at:`", link: 'https://github.com/nodejs/node/pull/28952'}
  - {in: '13.0.0', what: "the printed errno is the number -111 instead of the string 'ECONNREFUSED'", link: 'https://github.com/nodejs/node/pull/28140'}
  - {in: '17.0.0', what: 'the crash report ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}
---*/
var http = require('http');
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

// A port that was just in use and is now closed: nothing listens on it.
var probe = net.createServer();
probe.listen(0, '127.0.0.1', function () {
  var port = probe.address().port;
  probe.close(function () {
    http.get('http://127.0.0.1:' + port + '/', function () {
      console.log('response (never printed)');
    });
    console.log('http.get() returned');
  });
});

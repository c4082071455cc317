/*---
claim: "When the server cuts the connection in the middle of a response body, the client's response emits 'aborted' and 'close' (complete false) but, from Node 13, never 'end': code that waits for 'end' is left waiting and the process exits 0 with the body incomplete. Node 12 emitted 'end' after 'aborted', as if the body had been complete."
source: https://github.com/szmarczak/http-timer/issues/20; https://github.com/nodejs/web-server-frameworks/issues/41; https://github.com/nodejs/node/issues/31630
tags: [http, network, errors, events]
why: "A response is complete only when Content-Length bytes (or the last chunk) have arrived. When the connection closes first, the IncomingMessage is destroyed: it emits 'aborted' and 'close', not 'end', so a promise that resolves on 'end' never settles and nothing keeps the process alive. Up to Node 12 the cut response also emitted 'end', so a truncated body read as a whole one."
instead: "Wait for the body with stream.finished() or pipeline() (or events.once on 'end' and 'error' together), which report a premature close; check res.complete in 'close'."
links: [https://nodejs.org/api/http.html#event-aborted_1, https://nodejs.org/api/http.html#messagecomplete, https://github.com/nodejs/node/issues/27981]
changes: [{in: '13.0.0', what: "a response cut short no longer emits 'end' after 'aborted'", link: 'https://github.com/nodejs/node/pull/27984'}]
---*/
var http = require('http');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var server = http.createServer(function (req, res) {
  res.writeHead(200, { 'Content-Length': '100' });
  res.write('partial');
});
server.listen(0, '127.0.0.1', function () {
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/', agent: false }, function (res) {
    res.once('data', function (chunk) {
      console.log('client: got ' + JSON.stringify(String(chunk)) + ' of 100 bytes; the server cuts the connection');
      // The server stops listening and destroys its side of the connection.
      server.close();
      serverSockets.forEach(function (s) {
        s.destroy();
      });
    });
    res.on('aborted', function () {
      console.log("client: res 'aborted'");
    });
    res.on('end', function () {
      console.log("client: res 'end'");
    });
    res.on('close', function () {
      console.log("client: res 'close', complete: " + res.complete);
    });
  });
});
var serverSockets = [];
server.on('connection', function (s) {
  serverSockets.push(s);
});

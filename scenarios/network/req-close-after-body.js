/*---
claim: "On the server, req emits 'close' as soon as its body has been read, while the client still waits for the response, from Node 16; before 16 it emitted 'close' only when the connection closed, after the response."
source: https://github.com/nodejs/node/issues/38924; https://github.com/restify/node-restify/pull/1880; https://github.com/davidmerfield/blot/pull/1914
tags: [http, network, events]
why: "From Node 16 an IncomingMessage is a stream that is destroyed (and emits 'close') once it has been consumed, like any other Readable: 'close' on req means the request body is done, not that the client went away. Code that took req 'close' as a disconnect aborts every request whose body it reads before answering."
instead: "To learn that the client went away, listen for 'close' on res and check res.writableFinished there (false: the response was not completely sent), or req 'aborted' on older versions."
links: [https://nodejs.org/api/http.html#event-close_2, https://nodejs.org/api/http.html#event-close_3, https://github.com/nodejs/node/pull/42521]
changes: [{in: '16.0.0', what: "req emits 'close' once its body has been read (IncomingMessage uses autoDestroy), before the response is sent", link: 'https://github.com/nodejs/node/pull/33035'}]
---*/
var http = require('http');

var server = http.createServer(function (req, res) {
  req.on('data', function () {});
  req.on('end', function () {
    console.log('server: req end');
  });
  req.on('close', function () {
    console.log('server: req close; response sent: ' + res.writableEnded);
  });
  // The answer waits for the body's 'end' plus a tick; 'close' comes before it or after it.
  req.on('end', function () {
    setImmediate(function () {
      console.log('server: sending the response');
      res.end('ok');
    });
  });
});
server.listen(0, '127.0.0.1', function () {
  var req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST', path: '/', agent: false }, function (res) {
    res.resume();
    res.on('end', function () {
      console.log('client: response read');
      server.close();
    });
  });
  req.end('body');
});

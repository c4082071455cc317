/*---
claim: "stream.pipeline(source, res, callback) into an http response whose client disconnects midway calls the callback with ERR_STREAM_PREMATURE_CLOSE and destroys the source; nothing crashes, and the process exits 0."
source: https://github.com/remix-run/remix/pull/11539; https://github.com/sveltejs/kit/pull/16793; https://github.com/stream-utils/raw-body/issues/31
tags: [http, network, streams, errors]
why: "pipeline() watches every stream it joins: when the response closes before it has finished, pipeline reports a premature close through its callback and destroys the other streams, so the source stops producing and frees what it holds."
instead: "Serve streams with pipeline() (or stream/promises pipeline in try/catch) and treat ERR_STREAM_PREMATURE_CLOSE on a response as the client going away, not as a server error."
links: [https://nodejs.org/api/stream.html#streampipelinesource-transforms-destination-callback, https://nodejs.org/api/errors.html#err_stream_premature_close]
---*/
var http = require('http');
var stream = require('stream');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var server = http.createServer(function (req, res) {
  // An endless source: only the pipeline's teardown can stop it.
  var source = new stream.Readable({
    read: function () {
      this.push(Buffer.alloc(16384, 'x'));
    },
  });
  stream.pipeline(source, res, function (err) {
    console.log('server: pipeline callback: ' + (err ? err.code : 'no error') + '; source destroyed: ' + source.destroyed);
    server.close();
  });
});
server.listen(0, '127.0.0.1', function () {
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/', agent: false }, function (res) {
    res.once('data', function () {
      console.log('client: first chunk received; disconnecting');
      res.destroy();
    });
  });
});

/*---
claim: With stream.pipeline, an error in the middle (Transform) stream reaches pipeline's callback, and by then every stream of the pipeline (source, middle, sink) is destroyed; nothing crashes, exit code 0.
source: https://nodejs.org/api/stream.html#streampipelinesource-transforms-destination-callback
tags: [streams, events, errors]
why: pipeline listens for 'error' on every stream it joins, so no error is unhandled, and on the first error it destroys all of them, so no file descriptor or socket is left half open. The callback is the one place the failure arrives.
instead: Prefer pipeline (or stream/promises pipeline) over chained .pipe() calls.
---*/
var stream = require('stream');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var source = new stream.Readable({ read: function () {} });
var middle = new stream.Transform({
  transform: function (chunk, encoding, callback) {
    callback(new Error('transform failed on ' + chunk));
  },
});
var sink = new stream.Writable({
  write: function (chunk, encoding, callback) {
    callback();
  },
});

stream.pipeline(source, middle, sink, function (err) {
  console.log('pipeline callback: ' + (err ? err.message : 'no error'));
  console.log('destroyed: source=' + source.destroyed + ' middle=' + middle.destroyed + ' sink=' + sink.destroyed);
});
source.push('a');

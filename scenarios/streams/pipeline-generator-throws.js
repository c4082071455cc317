/*---
claim: "In stream.pipeline(source, asyncGenerator, sink, callback), an error thrown inside the async generator reaches the pipeline's callback and every stream is destroyed; nothing crashes, exit code 0."
source: https://nodejs.org/api/stream.html#streampipelinesource-transforms-destination-callback
tags: [streams, promise, errors]
node: '>=13.10'
why: pipeline turns an async generator into a stream stage; a throw in the generator rejects its iteration, which pipeline treats like an 'error' from any other stage.
instead: Prefer async generator stages in pipeline over hand-written Transforms; still handle the callback's error.
---*/
var stream = require('stream');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var source = stream.Readable.from(['a', 'b', 'c']);
var sink = new stream.Writable({
  objectMode: true,
  write: function (chunk, encoding, callback) {
    console.log('sink got ' + chunk);
    callback();
  },
});

stream.pipeline(
  source,
  async function* (chunks) {
    for await (var chunk of chunks) {
      if (chunk === 'b') throw new Error('cannot transform ' + chunk);
      yield chunk.toUpperCase();
    }
  },
  sink,
  function (err) {
    console.log('pipeline callback: ' + (err ? err.message : 'no error'));
    console.log('destroyed: source=' + source.destroyed + ' sink=' + sink.destroyed);
  }
);

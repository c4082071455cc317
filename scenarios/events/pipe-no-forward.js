/*---
claim: '.pipe() does not forward errors: when the source stream fails, the sink''s own ''error'' listener never runs, the sink is neither ended nor destroyed, and the source''s unhandled ''error'' crashes the process with exit code 1.'
source: https://nodejs.org/api/stream.html#readablepipedestination-options
tags: [streams, events, errors, exit]
why: pipe() only moves data and end-of-stream; errors stay on the stream that emitted them. A listener on the last stream of a pipe chain therefore misses failures upstream, and with no listener on the source its 'error' is thrown.
instead: Use stream.pipeline, or put an 'error' listener on every stream and destroy the others yourself.
changes: [{in: '12.9.0', what: 'writable.writableEnded exists: the sink reports ended false instead of undefined', link: 'https://nodejs.org/api/stream.html#writablewritableended'}, {in: '12.9.0', what: "the unhandled 'error' report names the emitter's class: \"Emitted 'error' event on Readable instance at:\"", link: 'https://github.com/nodejs/node/pull/28952'}]
---*/
var stream = require('stream');

var source = new stream.Readable({ read: function () {} });
var sink = new stream.Writable({
  write: function (chunk, encoding, callback) {
    callback();
  },
});
sink.on('error', function (err) {
  console.log('sink error listener: ' + err.message);
});

process.on('exit', function (code) {
  console.log('exit ' + code + ', sink destroyed: ' + sink.destroyed + ', sink ended: ' + sink.writableEnded);
});

source.pipe(sink);
setTimeout(function () {
  source.destroy(new Error('source failed'));
}, 1);

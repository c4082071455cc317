/*---
claim: "A stream/promises pipeline() whose Promise nobody awaits or catches crashes the process with exit code 1 when a stage fails (Node 15+), although the callback form of the same failure would only have been an unused argument."
source: https://nodejs.org/api/stream.html#streampipelinesource-transforms-destination-options
tags: [streams, promise, rejections, exit]
node: '>=15'
why: The promise form reports failure by rejecting; a call whose result is dropped (fire and forget) leaves the rejection unhandled, and unhandled rejections are fatal from Node 15.
instead: Always await (inside try/catch) or .catch() the Promise from pipeline.
---*/
var stream = require('stream');
var promises = require('stream/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var source = stream.Readable.from(['a', 'b']);
var failing = new stream.Transform({
  transform: function (chunk, encoding, callback) {
    callback(new Error('transform failed on ' + chunk));
  },
});
var sink = new stream.Writable({
  write: function (chunk, encoding, callback) {
    callback();
  },
});

promises.pipeline(source, failing, sink);
console.log('pipeline started');

/*---
claim: The promise form of pipeline (require('stream/promises'), Node 15+) rejects when a stream fails, so an `await` inside `try/catch` catches the error, with every stream destroyed; exit code 0.
source: https://nodejs.org/api/stream.html#streams-promises-api
tags: [streams, promise, try-catch, errors]
node: '>=15'
why: 'stream/promises pipeline is the callback pipeline turned into a Promise: it settles once, rejecting with the first error, after destroying the streams.'
instead: Before Node 15, util.promisify(stream.pipeline) gives the same shape.
changes: [{in: '15.0.0', what: "the 'stream/promises' module was added", link: 'https://github.com/nodejs/node/pull/33991'}]
---*/
var stream = require('stream');
var pipeline = require('stream/promises').pipeline;

process.on('exit', function (code) {
  console.log('exit ' + code);
});

async function main() {
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
  source.push('a');
  try {
    await pipeline(source, middle, sink);
    console.log('not reached');
  } catch (err) {
    console.log('caught: ' + err.message);
    console.log('destroyed: source=' + source.destroyed + ' middle=' + middle.destroyed + ' sink=' + sink.destroyed);
  }
}

main();

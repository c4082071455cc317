/*---
claim: "readable.iterator({ destroyOnReturn: false }) lets a for await loop break without destroying the stream: a second loop reads the rest, and only then does the stream end and close; exit code 0."
source: https://nodejs.org/api/stream.html#readableiteratoroptions
tags: [streams, promise]
node: '>=16.3'
why: destroyOnReturn controls what a break (the iterator's return()) does; false keeps the stream open and paused where the loop stopped.
---*/
var stream = require('stream');

var chunks = ['a', 'b', 'c', 'd'];
var readable = new stream.Readable({
  objectMode: true,
  read: function () {
    this.push(chunks.length ? chunks.shift() : null);
  },
});
readable.on('close', function () {
  console.log("'close' emitted");
});

process.on('exit', function (code) {
  console.log('exit ' + code);
});

(async function () {
  for await (var first of readable.iterator({ destroyOnReturn: false })) {
    console.log('first loop got ' + first);
    break;
  }
  console.log('between the loops, destroyed: ' + readable.destroyed);
  for await (var rest of readable) {
    console.log('second loop got ' + rest);
  }
  console.log('second loop ended');
})();

/*---
claim: "When a Readable is destroyed with an error while a for await loop reads it, the loop throws that error: a try/catch around the loop catches it after the chunks read before, and the process exits with code 0."
source: https://nodejs.org/api/stream.html#readablesymbolasynciterator
tags: [streams, promise, try-catch, errors]
why: The async iterator listens for 'error' and turns it into a rejection of the pending next(), so the stream's error arrives where the loop is, as a throw.
instead: Put try/catch around for await loops over streams.
---*/
var stream = require('stream');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var readable = new stream.Readable({ objectMode: true, read: function () {} });
readable.push('a');
readable.push('b');
setTimeout(function () {
  readable.destroy(new Error('connection reset'));
}, 1);

(async function () {
  try {
    for await (var chunk of readable) {
      console.log('got ' + chunk);
    }
    console.log('loop ended');
  } catch (err) {
    console.log('caught: ' + err.message);
  }
})();

/*---
claim: "Breaking out of a for await loop over a Readable destroys the stream: it emits 'close' and never 'end', readable.destroyed is true, the chunks after the break are never delivered, and the process exits with code 0. From Node 17 the stream also emits 'error' with an AbortError just before 'close' (harmless here: only a listener of one's own sees it)."
source: https://nodejs.org/api/stream.html#readablesymbolasynciterator
tags: [streams, promise, event-loop]
why: A break calls the iterator's return(), and the Readable's iterator answers it by destroying the stream, so the resources behind it (a file descriptor, a socket) are released rather than left paused.
instead: "To stop reading without destroying (and read the rest later), iterate readable.iterator({ destroyOnReturn: false }) on Node 16.3+."
changes: [{in: '17.0.0', what: "destroying a stream that has not finished (here by the loop's break) emits an AbortError 'error' before 'close'", link: 'https://github.com/nodejs/node/pull/38505'}]
---*/
var stream = require('stream');

var chunks = ['a', 'b', 'c', 'd'];
var readable = new stream.Readable({
  objectMode: true,
  read: function () {
    this.push(chunks.length ? chunks.shift() : null);
  },
});
var events = [];
readable.on('end', function () {
  events.push('end');
});
readable.on('error', function (err) {
  events.push('error (' + err.name + ')');
});
readable.on('close', function () {
  events.push('close');
});

process.on('exit', function (code) {
  console.log('exit ' + code + ', destroyed: ' + readable.destroyed + ', events: ' + events.join(', '));
});

(async function () {
  for await (var chunk of readable) {
    console.log('got ' + chunk);
    if (chunk === 'b') break;
  }
  console.log('after the loop, destroyed: ' + readable.destroyed);
})();

/*---
claim: "A Readable destroyed without an error emits neither 'end' nor 'error', only 'close': an await on events.once(readable, 'end') is never settled, so the process exits with code 0 in the middle of it and the line after the await never prints."
source: https://nodejs.org/api/stream.html#readabledestroyerror
tags: [streams, promise, event-loop, events]
why: events.once settles on the awaited event or on 'error'; destroy() without an error produces neither, and a pending Promise does not keep the event loop alive.
instead: Wait with stream.finished() (or stream/promises finished), which also settles on a premature 'close'.
---*/
var stream = require('stream');
var events = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var readable = new stream.Readable({ read: function () {} });
readable.on('close', function () {
  console.log("'close' emitted");
});
readable.resume();
setTimeout(function () {
  readable.destroy();
}, 1);

(async function () {
  await events.once(readable, 'end');
  console.log('after the await');
})();

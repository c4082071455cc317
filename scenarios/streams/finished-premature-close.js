/*---
claim: "stream.finished() on a Readable that is destroyed (without an error) before it ended calls back with ERR_STREAM_PREMATURE_CLOSE ('Premature close'): a stream closed early counts as a failure, not as finished."
source: https://nodejs.org/api/stream.html#streamfinishedstream-options-callback
tags: [streams, errors]
why: finished() waits for 'end' (readable) or 'finish' (writable); a 'close' that comes before them means the data was cut short, which finished() reports as an error of its own.
instead: Treat ERR_STREAM_PREMATURE_CLOSE as "the other side went away"; for an intentional early stop, ignore it where you destroyed the stream yourself.
---*/
var stream = require('stream');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var readable = new stream.Readable({ read: function () {} });
stream.finished(readable, function (err) {
  console.log('finished callback: ' + (err ? err.code + ' (' + err.message + ')' : 'no error'));
});
readable.push('partial data');
setTimeout(function () {
  readable.destroy();
}, 1);

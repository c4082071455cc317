/*---
claim: "The promise form of finished() (stream/promises, Node 15+) rejects with ERR_STREAM_PREMATURE_CLOSE when the stream is destroyed early; awaited without try/catch, that is an unhandled rejection and the process crashes with exit code 1."
source: https://nodejs.org/api/stream.html#streamfinishedstream-options
tags: [streams, promise, rejections, exit]
node: '>=15'
why: A destroy() that looks harmless (no error given) still rejects the finished() promise, and Node 15+ ends the process on any unhandled rejection.
instead: Wrap await finished(stream) in try/catch, or destroy streams only through the code that waits on them.
---*/
var stream = require('stream');
var promises = require('stream/promises');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var readable = new stream.Readable({ read: function () {} });
setTimeout(function () {
  readable.destroy();
}, 1);

(async function () {
  await promises.finished(readable);
  console.log('finished');
})();

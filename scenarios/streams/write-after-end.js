/*---
claim: "From Node 14, write() after end() does not throw: the call returns, the code after it runs, and then the Writable emits ERR_STREAM_WRITE_AFTER_END as an 'error' event; with no 'error' listener that crashes the process with exit code 1. In Node 12 and 13 the 'error' is emitted synchronously, so with no listener it is thrown out of write() itself and a try/catch around it catches it."
source: https://nodejs.org/api/stream.html#writablewritechunk-encoding-callback
tags: [streams, errors, events, exit]
why: Writable reports the misuse asynchronously (on the next tick) through 'error', like any stream failure, so a try/catch around write() sees nothing and an unguarded stream takes the process down.
instead: Check writable.writableEnded before writing, and give every Writable an 'error' listener.
changes: [{in: '14.0.0', what: 'write() after end() emits its error on the next tick instead of synchronously, so it no longer throws out of write()', link: 'https://github.com/nodejs/node/pull/29744'}]
---*/
var stream = require('stream');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var writable = new stream.Writable({
  write: function (chunk, encoding, callback) {
    callback();
  },
});
writable.end('last');
try {
  writable.write('too late');
  console.log('write() returned');
} catch (err) {
  console.log('caught around write(): ' + err.code);
}

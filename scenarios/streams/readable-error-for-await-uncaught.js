/*---
claim: "The same stream error with no try/catch around the for await loop is an unhandled rejection of the async function: before Node 15 a warning and exit code 0, from 15 a crash with exit code 1; the line after the loop never runs."
source: https://nodejs.org/api/stream.html#readablesymbolasynciterator
tags: [streams, promise, rejections, errors]
why: The stream has a listener for 'error' (the iterator's), so it is not an unhandled 'error' event; the error becomes the async function's rejection, and nobody handles that Promise.
instead: try/catch around the loop, or .catch() on the async function's Promise.
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '15.0.0', what: 'unhandled rejections became fatal by default (--unhandled-rejections=throw)', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
var stream = require('stream');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var readable = new stream.Readable({ objectMode: true, read: function () {} });
readable.push('a');
setTimeout(function () {
  readable.destroy(new Error('connection reset'));
}, 1);

(async function () {
  for await (var chunk of readable) {
    console.log('got ' + chunk);
  }
  console.log('after the loop');
})();

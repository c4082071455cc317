/*---
claim: "With captureRejections, if the async 'error' listener itself rejects, Node does not route that rejection back to 'error' (no loop): it is an ordinary unhandled rejection, a warning with exit code 0 before Node 15 and a crash with exit code 1 from 15 on."
source: https://nodejs.org/api/events.html#capture-rejections-of-promises
tags: [events, promise, rejections, errors]
node: '>=12.16 <13 || >=13.4'
why: "The documentation says 'error' listeners should not be async: captureRejections deliberately skips the Promise an 'error' listener returns, to avoid an endless error loop, so its rejection is nobody's."
instead: Keep 'error' listeners synchronous (or catch inside them).
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '15.0.0', what: 'unhandled rejections became fatal by default (--unhandled-rejections=throw)', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter({ captureRejections: true });
emitter.on('error', async function (err) {
  console.log('error listener: ' + err.message);
  throw new Error('error listener failed');
});
emitter.on('job', async function () {
  throw new Error('job failed');
});
emitter.emit('job');

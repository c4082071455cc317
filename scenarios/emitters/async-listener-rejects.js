/*---
claim: "An async listener that rejects is not an 'error' event: by default EventEmitter ignores the Promise it returns, the emitter's 'error' listener is never called, and the rejection is an ordinary unhandled rejection (a warning and exit code 0 before Node 15, a crash with exit code 1 from 15 on)."
source: https://nodejs.org/api/events.html#capture-rejections-of-promises
tags: [events, promise, rejections, errors]
why: emit() calls listeners and throws away what they return. The Promise an async listener returns therefore has no handler, and its rejection follows the process's unhandled-rejection mode, exactly like any other forgotten Promise.
instead: "Catch inside the async listener, or create the emitter with { captureRejections: true } so rejections are routed to its 'error' listener."
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '15.0.0', what: 'unhandled rejections became fatal by default (--unhandled-rejections=throw)', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter();
emitter.on('error', function (err) {
  console.log('error listener: ' + err.message);
});
emitter.on('job', async function () {
  throw new Error('job failed');
});
emitter.emit('job');
console.log('after emit');

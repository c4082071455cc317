/*---
claim: "With new EventEmitter({ captureRejections: true }), a rejection from an async listener is routed to the emitter's 'error' listener (on a later tick, after the code following emit() has run); no unhandled rejection, exit code 0."
source: https://nodejs.org/api/events.html#capture-rejections-of-promises
tags: [events, promise, rejections, errors]
node: '>=12.16 <13 || >=13.4'
why: captureRejections makes emit() attach a rejection handler to the Promise a listener returns and emit 'error' (or call the Symbol.for('nodejs.rejection') method) with the reason, so async listeners fail the same way synchronous ones do.
instead: Set captureRejections on emitters with async listeners and give them an 'error' listener.
links: [https://github.com/nodejs/node/pull/27867]
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter({ captureRejections: true });
emitter.on('error', function (err) {
  console.log('error listener: ' + err.message);
});
emitter.on('job', async function () {
  throw new Error('job failed');
});
emitter.emit('job');
console.log('after emit');

/*---
claim: "With captureRejections but no 'error' listener, an async listener's rejection becomes an unhandled 'error' event: the process crashes with exit code 1 on every version, even those (before 15) where an unhandled rejection would only warn."
source: https://nodejs.org/api/events.html#capture-rejections-of-promises
tags: [events, promise, rejections, errors, exit]
node: '>=12.16 <13 || >=13.4'
why: Captured rejections are emitted as 'error', and an 'error' event with no listener throws. The throw happens on a later tick outside any try/catch, so it is an uncaught exception, which is fatal whatever the unhandled-rejection mode.
instead: An emitter with captureRejections needs an 'error' listener like any other.
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter({ captureRejections: true });
emitter.on('job', async function () {
  throw new Error('job failed');
});
emitter.emit('job');
console.log('after emit');

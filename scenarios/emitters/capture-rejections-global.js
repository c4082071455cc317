/*---
claim: "Setting EventEmitter.captureRejections = true turns capturing on for every emitter created afterwards (here the rejection reaches the 'error' listener); an emitter created before the switch keeps the default, so its listener's rejection goes unhandled instead."
source: https://nodejs.org/api/events.html#eventscapturerejections
tags: [events, promise, rejections, errors]
node: '>=12.16 <13 || >=13.4'
why: The global switch is read when an emitter is constructed, not when it emits. The 'unhandledRejection' listener keeps the forgotten rejection from ending the run, so both emitters can be seen on every version.
instead: "Pass { captureRejections: true } to each emitter that needs it rather than relying on construction order."
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('unhandledRejection', function (reason) {
  console.log('unhandledRejection: ' + reason.message);
});

var before = new EventEmitter();
EventEmitter.captureRejections = true;
var after = new EventEmitter();

[before, after].forEach(function (emitter, i) {
  var name = i === 0 ? 'before' : 'after';
  emitter.on('error', function (err) {
    console.log(name + ' error listener: ' + err.message);
  });
  emitter.on('job', async function () {
    throw new Error(name + ' job failed');
  });
  emitter.emit('job');
});

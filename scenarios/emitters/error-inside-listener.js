/*---
claim: "An 'error' emitted with no listener from inside another event's listener throws out of the outer emit() call: a try/catch around that emit catches it, and the listeners registered after the failing one never run for that event."
source: https://nodejs.org/api/events.html#error-events
tags: [events, errors, try-catch]
why: emit() calls listeners synchronously, one after another. A throw from a listener (here the nested emit('error') with nobody listening) unwinds through the outer emit() to its caller, skipping the listeners still to be called.
instead: Give the emitter an 'error' listener; do not rely on a try/catch around emit() in code that emits from callbacks.
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter();
emitter.on('data', function (chunk) {
  console.log('first listener: ' + chunk);
  if (chunk === 'bad') emitter.emit('error', new Error('bad chunk'));
});
emitter.on('data', function (chunk) {
  console.log('second listener: ' + chunk);
});

try {
  emitter.emit('data', 'good');
  emitter.emit('data', 'bad');
  console.log('after emit');
} catch (err) {
  console.log('caught around emit: ' + err.message);
}

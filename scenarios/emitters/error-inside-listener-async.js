/*---
claim: "When the listener that emits an unhandled 'error' is itself called from a timer, nothing is there to catch the throw: the listeners after it never run, the process crashes with exit code 1, and the stack shows 'Emitted 'error' event' at the inner emit."
source: https://nodejs.org/api/events.html#error-events
tags: [events, errors, exit, uncaughtException]
why: The throw unwinds through the outer emit() to the timer callback and from there to the event loop, where it is an uncaught exception.
instead: Give the emitter an 'error' listener.
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter();
emitter.on('data', function (chunk) {
  console.log('first listener: ' + chunk);
  emitter.emit('error', new Error('bad chunk'));
});
emitter.on('data', function (chunk) {
  console.log('second listener: ' + chunk);
});

setTimeout(function () {
  emitter.emit('data', 'bad');
  console.log('after emit');
}, 1);

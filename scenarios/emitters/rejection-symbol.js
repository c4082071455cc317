/*---
claim: "With captureRejections, an emitter that has a Symbol.for('nodejs.rejection') method gets the rejection there, with the event name and arguments, instead of as an 'error' event: the 'error' listener is not called."
source: https://nodejs.org/api/events.html#emittersymbolfornodejsrejectionerr-eventname-args
tags: [events, promise, rejections, errors]
node: '>=12.16 <13 || >=13.4'
why: The rejection method lets a class (a stream, a socket wrapper) decide what a failed async listener means, for example to destroy itself, rather than always turning it into 'error'.
instead: Implement the method on classes that need custom cleanup; otherwise an 'error' listener is enough.
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter({ captureRejections: true });
emitter[Symbol.for('nodejs.rejection')] = function (err, eventName, arg) {
  console.log('rejection method: ' + err.message + ' (event ' + eventName + ', arg ' + arg + ')');
};
emitter.on('error', function (err) {
  console.log('error listener: ' + err.message);
});
emitter.on('job', async function (arg) {
  throw new Error('job failed');
});
emitter.emit('job', 42);

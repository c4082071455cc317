/*---
claim: 'With an ''error'' listener, emit(''error'', err) just calls the listener like any event: no throw, the code after emit runs, exit code 0.'
source: https://nodejs.org/api/events.html#error-events
tags: [events, errors]
why: Only a missing listener turns 'error' into a throw; once someone listens, it is an ordinary event.
instead: Log or handle the error in the listener, and clean the emitter up (destroy a stream, close a socket).
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter();
emitter.on('error', function (err) {
  console.log('listener got: ' + err.message);
});
emitter.emit('error', new Error('bad thing'));
console.log('after emit');

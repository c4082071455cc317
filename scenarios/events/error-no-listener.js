/*---
claim: 'emit(''error'', value) on an EventEmitter with no ''error'' listener throws at the emit call; for a non-Error value Node wraps it as "Error [ERR_UNHANDLED_ERROR]: Unhandled error. (''oops'')", the process crashes with exit code 1 and the line after emit never runs.'
source: https://nodejs.org/api/events.html#error-events
tags: [events, errors, exit]
why: '''error'' is the one event name EventEmitter treats specially: with no listener, emit throws the error (wrapping a non-Error value so it can carry a stack). Nothing catches it here, so it becomes an uncaught exception.'
instead: Give every emitter that can fail (streams, sockets, servers, your own) an 'error' listener.
changes: [{in: '12.12.0', what: "Node's own errors show their properties when printed: the crash report lists code: 'ERR_UNHANDLED_ERROR' above context: 'oops'", link: 'https://github.com/nodejs/node/pull/29677'}]
---*/
var EventEmitter = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new EventEmitter();
emitter.emit('error', 'oops');
console.log('after emit');

/*---
claim: "With both an events.errorMonitor listener and an 'error' listener, the monitor runs first, then the 'error' listener, and the error counts as handled: the code after emit runs and the process exits with code 0."
source: https://nodejs.org/api/events.html#eventserrormonitor
tags: [events, errors]
node: '>=12.17 <13 || >=13.6'
why: errorMonitor listeners are called before the 'error' listeners and change nothing; the 'error' listener alone decides that the error is handled.
links: [https://github.com/nodejs/node/pull/30932]
---*/
var events = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new events.EventEmitter();
emitter.on('error', function (err) {
  console.log('error listener: ' + err.message);
});
emitter.on(events.errorMonitor, function (err) {
  console.log('monitor: ' + err.message);
});
emitter.emit('error', new Error('bad thing'));
console.log('after emit');

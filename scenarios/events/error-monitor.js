/*---
claim: 'A listener on events.errorMonitor sees an ''error'' before the normal listeners but does not count as handling it: with no ''error'' listener the emit still throws, the process crashes with exit code 1.'
source: https://nodejs.org/api/events.html#eventserrormonitor
tags: [events, errors, exit]
node: '>=12.17 <13 || >=13.6'
why: errorMonitor is for observing (metrics, logging) without changing behaviour; it is called first and then emit carries on exactly as if it were not there.
instead: Use errorMonitor for instrumentation and still add a real 'error' listener where the error must be handled.
changes: [{in: '13.6.0', what: 'events.errorMonitor added (backported to 12.17.0)', link: 'https://github.com/nodejs/node/pull/30932'}]
---*/
var events = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new events.EventEmitter();
emitter.on(events.errorMonitor, function (err) {
  console.log('monitor saw: ' + err.message);
});
emitter.emit('error', new Error('bad thing'));
console.log('after emit');

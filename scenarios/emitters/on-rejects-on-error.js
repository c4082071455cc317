/*---
claim: "A for await loop over events.on(emitter, 'data') throws the error when 'error' is emitted, so try/catch around the loop catches it after the values that came before."
source: https://nodejs.org/api/events.html#eventsonemitter-eventname-options
tags: [events, promise, try-catch, errors]
node: '>=12.16 <13 || >=13.6'
why: events.on listens for 'error' next to the event it iterates and turns it into a throw from the iterator, ending the loop.
instead: Wrap the loop in try/catch.
links: [https://github.com/nodejs/node/pull/27994]
---*/
var events = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new events.EventEmitter();
setTimeout(function () {
  emitter.emit('data', 'a');
  emitter.emit('data', 'b');
  emitter.emit('error', new Error('stream broke'));
}, 1);

(async function () {
  try {
    for await (var args of events.on(emitter, 'data')) {
      console.log('got ' + args[0]);
    }
    console.log('loop ended');
  } catch (err) {
    console.log('caught: ' + err.message);
  }
})();

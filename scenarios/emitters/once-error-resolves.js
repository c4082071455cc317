/*---
claim: "Awaiting events.once(emitter, 'error') resolves with [err] when the error is emitted: waiting for 'error' itself counts as a listener, so the emit does not throw and nothing crashes."
source: https://nodejs.org/api/events.html#eventsonceemitter-name-options
tags: [events, promise, errors]
why: When the awaited event is 'error', events.once registers an ordinary 'error' listener that resolves its Promise with the arguments, as for any other event name.
---*/
var events = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new events.EventEmitter();
setTimeout(function () {
  emitter.emit('error', new Error('lost connection'));
  console.log('after emit');
}, 1);

(async function () {
  var args = await events.once(emitter, 'error');
  console.log('resolved with: ' + args[0].message + ' (' + args.length + ' argument)');
})();

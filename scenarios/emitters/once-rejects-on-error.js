/*---
claim: "The Promise from events.once(emitter, 'done') rejects if 'error' is emitted while it waits, so an await in try/catch catches the error; afterwards neither 'done' nor 'error' has a listener left."
source: https://nodejs.org/api/events.html#eventsonceemitter-name-options
tags: [events, promise, try-catch, errors]
why: events.once listens for 'error' too while it waits (unless the awaited event is 'error' itself), and removes both listeners when either fires. The error therefore arrives as a rejection, not as an unhandled 'error' event.
instead: Await events.once inside try/catch; the emitter still needs an 'error' listener for errors that happen when nobody is awaiting.
---*/
var events = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new events.EventEmitter();
setTimeout(function () {
  emitter.emit('error', new Error('lost connection'));
}, 1);

(async function () {
  try {
    await events.once(emitter, 'done');
    console.log('done');
  } catch (err) {
    console.log('caught: ' + err.message);
  }
  console.log('listeners left: done=' + emitter.listenerCount('done') + ' error=' + emitter.listenerCount('error'));
})();

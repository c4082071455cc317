/*---
claim: "A for await loop over events.on() never ends by itself: once the events stop, the loop waits on a Promise that nothing will settle, so the process exits with code 0 in the middle of the loop and the line after it never prints."
source: https://nodejs.org/api/events.html#eventsonemitter-eventname-options
tags: [events, promise, event-loop, exit]
node: '>=12.16 <13 || >=13.6'
why: "events.on has no notion of \"the last event\": the iterator only ends on an 'error', a break, or an abort signal. A pending Promise does not keep the event loop alive, so when nothing else does, Node exits with the loop still waiting."
instead: Break out of the loop when you know the last event came (or pass a signal / a close event) so the code after it runs.
---*/
var events = require('events');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var emitter = new events.EventEmitter();
setTimeout(function () {
  emitter.emit('data', 'a');
  emitter.emit('data', 'b');
}, 1);

(async function () {
  for await (var args of events.on(emitter, 'data')) {
    console.log('got ' + args[0]);
  }
  console.log('after the loop');
})();

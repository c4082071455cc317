/*---
claim: "events.setMaxListeners(200, signal) raises an AbortSignal's listener limit: 150 'abort' listeners print no warning (exit 0) on the releases that have the function, except where the limit set on an EventTarget is ignored (below) and the warning appears anyway."
source: https://github.com/nodejs/node/issues/47449
tags: [abort, warnings, events]
node: '>=15.4'
why: events.setMaxListeners(n, ...targets) is the documented way to raise the leak-check limit on an EventTarget such as an AbortSignal. A 19.x regression made EventTarget ignore it and warn at the 11th listener whatever the limit.
instead: "Where the limit is ignored, avoid piling listeners on one signal: give each operation a child signal."
links: [https://nodejs.org/api/events.html#eventssetmaxlistenersn-eventtargets]
---*/
var events = require('events');
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name);
});
var controller = new AbortController();
events.setMaxListeners(200, controller.signal);
for (var i = 0; i < 150; i++) controller.signal.addEventListener('abort', function () {});
console.log('added 150');

/*---
claim: "An AbortSignal with an 11th 'abort' listener prints a MaxListenersExceededWarning about an EventTarget leak on stderr (once) on the releases that warn (below); every listener is still added and called. The process exits with code 0."
source: https://github.com/TryQuiet/quiet/issues/1360
tags: [abort, warnings, events]
node: '>=15'
why: An AbortSignal is an EventTarget, and Node's EventTarget applies the same leak check as EventEmitter (10 listeners per event type by default). Code that passes one long-lived signal to many operations (each adding its own 'abort' listener) reaches the limit.
instead: Give each operation its own signal (AbortSignal.any([parent, ...]) or a child AbortController), remove listeners when an operation ends, or raise the limit for that signal with events.setMaxListeners(n, signal).
links: [https://github.com/nodejs/node/issues/35990, https://nodejs.org/api/events.html#eventssetmaxlistenersn-eventtargets]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name);
});
var controller = new AbortController();
var called = 0;
for (var i = 0; i < 12; i++) {
  controller.signal.addEventListener('abort', function () {
    called++;
  });
}
console.log('added 12');
setTimeout(function () {
  controller.abort();
  console.log('listeners called: ' + called);
}, 1);

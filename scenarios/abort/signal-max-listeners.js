/*---
claim: "An AbortSignal with 12 'abort' listeners calls all 12 and the process exits with code 0; from 15.4 to 22.12 and 23.0 to 23.4 the 11th listener also prints a MaxListenersExceededWarning about an EventTarget leak on stderr (once), and from 22.13.0 and 23.5.0 an AbortSignal has no listener limit and prints nothing."
source: https://github.com/TryQuiet/quiet/issues/1360
tags: [abort, warnings, events]
node: '>=15.4'
why: An AbortSignal is an EventTarget, and Node's EventTarget applied the same leak check as EventEmitter (10 listeners per event type by default), so code that passes one long-lived signal to many operations (each adding its own 'abort' listener) reached it. Since one signal shared by many operations is the intended use, Node later set an AbortSignal's limit to 0 (no limit).
instead: Give each operation its own signal (AbortSignal.any([parent, ...]) or a child AbortController), remove listeners when an operation ends, or raise the limit for that signal with events.setMaxListeners(n, signal).
links: [https://github.com/nodejs/node/issues/35990, https://nodejs.org/api/events.html#eventssetmaxlistenersn-eventtargets]
changes:
  - {in: '20.15.0', what: 'the warning states the limit: `MaxListeners is 10.` (backport)', link: 'https://github.com/nodejs/node/pull/51921'}
  - {never: '21', what: 'no 21.x release states the limit in the warning (observed on 21.0.0 and 21.7.3)', link: 'https://github.com/nodejs/node/pull/51921'}
  - {in: '22.2.0', what: 'the warning states the limit: `MaxListeners is 10.`', link: 'https://github.com/nodejs/node/pull/51921'}
  - {in: '22.13.0', what: 'an AbortSignal has no listener limit: no warning (backport of the 23.5.0 change)', link: 'https://github.com/nodejs/node/pull/55816'}
  - {in: '23.5.0', what: 'an AbortSignal has no listener limit: no warning', link: 'https://github.com/nodejs/node/pull/55816'}
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

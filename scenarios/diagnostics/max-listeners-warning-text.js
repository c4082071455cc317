/*---
claim: "An 11th listener for one event on an EventEmitter still gets added, and prints one MaxListenersExceededWarning on stderr, after the synchronous code (the 12th prints nothing more); the process exits with code 0. Its text grew twice: `added to [EventEmitter]` from 12.3.0, and `MaxListeners is 10.` from 20.15.0 and 22.2.0 (no 21.x release has it)."
source: https://github.com/hoprnet/hoprnet/issues/3065
tags: [diagnostics, warnings, events]
why: "The limit (10 by default) is a leak detector, not a limit: the listener is added and Node emits a process warning once per emitter and event name. Warnings are written from process.nextTick, so the line comes after the code that added the listener."
instead: If many listeners are expected, raise the limit for that emitter (emitter.setMaxListeners(n)); otherwise look for code that adds a listener per request or per retry and never removes it.
links: [https://nodejs.org/api/events.html#emittersetmaxlistenersn, https://github.com/langchain-ai/langchainjs/issues/7963]
changes:
  - {in: '12.3.0', what: 'the warning names the emitter: `11 data listeners added to [EventEmitter].`', link: 'https://github.com/nodejs/node/pull/27694'}
  - {in: '20.15.0', what: 'the warning states the limit: `MaxListeners is 10.` (backport)', link: 'https://github.com/nodejs/node/pull/51921'}
  - {never: '21', what: 'no 21.x release states the limit in the warning (observed on 21.0.0 and 21.7.3)', link: 'https://github.com/nodejs/node/pull/51921'}
  - {in: '22.2.0', what: 'the warning states the limit: `MaxListeners is 10.`', link: 'https://github.com/nodejs/node/pull/51921'}
---*/
var EventEmitter = require('events');
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ' count ' + warning.count + ' type ' + warning.type);
});
var emitter = new EventEmitter();
for (var i = 0; i < 12; i++) emitter.on('data', function () {});
console.log('added ' + emitter.listenerCount('data'));

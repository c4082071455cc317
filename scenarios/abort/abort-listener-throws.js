/*---
claim: "From Node 16, an error thrown by an 'abort' event listener does not propagate out of controller.abort(): abort() returns normally, the code after it runs, and then the error is reported as an uncaught exception that crashes the process with exit code 1. In Node 15 the error is thrown out of abort() itself, so the try/catch around it catches it."
source: https://nodejs.org/api/events.html#error-handling
tags: [abort, events, errors, uncaughtException, exit]
node: '>=15'
why: AbortSignal is an EventTarget, not an EventEmitter. An EventTarget catches what its listeners throw and reports it on a later tick as an uncaught exception (process 'error' handling for EventTarget), so a try/catch around abort() sees nothing.
instead: Catch inside 'abort' listeners; an uncaughtException listener is the only other place the error arrives.
changes: [{in: '15.4.0', what: 'AbortController is no longer experimental: no ExperimentalWarning on stderr', link: 'https://nodejs.org/api/globals.html#class-abortcontroller'}, {in: '16.0.0', what: 'an error thrown by an EventTarget listener is no longer thrown out of dispatchEvent (here abort()) but reported on the next tick as an uncaught exception', link: 'https://github.com/nodejs/node/pull/37237'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

var controller = new AbortController();
controller.signal.addEventListener('abort', function () {
  throw new Error('cleanup failed');
});
try {
  controller.abort();
  console.log('abort() returned');
} catch (err) {
  console.log('caught around abort(): ' + err.message);
}
console.log('end of script');

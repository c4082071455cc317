/*---
claim: >-
  domain.remove(emitter) takes an implicitly bound EventEmitter back out of its domain; its later 'error' event with no listener is then an ordinary uncaught error: the domain hears nothing, the process crashes with exit code 1 and the exit event fires with 1.
source: >-
  seeds/003_43754586e9320e59.txt (암묵적 바인딩과 명시적 바인딩: domain.remove)
tags: [article, domain, events, errors, uncaughtException]
why: >-
  remove() clears emitter.domain, so emit('error') falls back to the EventEmitter rule: no 'error' listener means the error is thrown. It is thrown from a timer started at top level, where no domain is active, so nothing catches it.
links: [https://nodejs.org/api/domain.html#domainremoveemitter]
---*/
process.on('exit', function (code) {
  console.log('exit event: ' + code);
});

var domain = require('domain');
var EventEmitter = require('events');

var d = domain.create();
d.on('error', function (err) {
  console.log('domain error (not expected): ' + err.message);
});

var emitter;
d.run(function () {
  emitter = new EventEmitter();
});
console.log('bound: ' + (emitter.domain === d));
d.remove(emitter);
console.log('after remove, emitter.domain: ' + emitter.domain);

setTimeout(function () {
  emitter.emit('error', new Error('removed emitter failed'));
}, 1);

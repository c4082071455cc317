/*---
claim: domain.add(emitter) binds an EventEmitter created outside any domain; its unhandled 'error' event then reaches that domain's 'error' listener and the process exits with code 0.
source: >-
  seeds/003_43754586e9320e59.txt (암묵적 바인딩과 명시적 바인딩: domain.add)
tags: [article, domain, events, errors]
why: add() sets emitter.domain to the domain (and adds the emitter to domain.members), which is exactly what implicit binding would have done had the emitter been created inside run().
links: [https://nodejs.org/api/domain.html#domainaddemitter]
---*/
var domain = require('domain');
var EventEmitter = require('events');

var emitter = new EventEmitter(); // created outside any domain
console.log('before add, emitter.domain: ' + emitter.domain);

var d = domain.create();
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
});
d.add(emitter);
console.log('after add, emitter.domain is d: ' + (emitter.domain === d));
console.log('d.members holds it: ' + (d.members.indexOf(emitter) !== -1));

setTimeout(function () {
  emitter.emit('error', new Error('added emitter failed'));
}, 1);

/*---
claim: An EventEmitter created inside domain.run() is bound to that domain implicitly; its unhandled 'error' event, emitted later from a timer, goes to the domain's 'error' listener (with err.domainEmitter set to the emitter) and the process exits with code 0.
source: seeds/003_43754586e9320e59.txt (암묵적 바인딩과 명시적 바인딩)
tags: [article, domain, events, errors]
why: Once the domain module is loaded, every new EventEmitter records the active domain (process.domain) in its constructor. Emitting 'error' with no 'error' listener normally throws; an emitter that belongs to a domain gives the error to that domain instead, marks it with domainEmitter (and domainThrown false, since nothing was thrown), and emit() returns normally, so the code after it still runs.
links: [https://nodejs.org/api/domain.html#implicit-binding]
---*/
var domain = require('domain');
var EventEmitter = require('events');

var d = domain.create();
var emitter;
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
  console.log('err.domainEmitter is the emitter: ' + (err.domainEmitter === emitter));
  console.log('err.domainThrown: ' + err.domainThrown);
});

d.run(function () {
  emitter = new EventEmitter();
  console.log('emitter.domain is d: ' + (emitter.domain === d));
});

// Emitted from outside the domain (a timer started at top level, where no domain is active):
// the emitter's own binding decides.
setTimeout(function () {
  emitter.emit('error', new Error('emitter failed'));
  console.log('after emit');
}, 1);

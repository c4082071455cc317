/*---
claim: domain.bind(fn) returns a wrapper that runs fn inside the domain; a throw from the bound callback, called later from a timer outside any domain, reaches the domain's 'error' listener (marked domainThrown) and the process exits with code 0.
source: seeds/003_43754586e9320e59.txt (domain.bind)
tags: [article, domain, errors, timers]
why: >-
  The wrapper enters the domain, calls fn with the same arguments and exits again. A throw while the domain is entered is routed to it like a throw inside run(), marked domainThrown: true. (Only intercept() sets domainBound.)
links: [https://nodejs.org/api/domain.html#domainbindcallback]
---*/
var domain = require('domain');

var d = domain.create();
function onTick(value) {
  console.log('bound callback got ' + value + ', in d: ' + (process.domain === d));
  throw new Error('thrown in a bound callback');
}
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
  console.log('err.domainThrown: ' + err.domainThrown);
});

var bound = d.bind(onTick);
console.log('process.domain at top level: ' + process.domain);
setTimeout(function () {
  bound(42);
}, 1);

/*---
claim: domain.intercept(fn) returns a callback wrapper that turns an Error passed as the first argument into a domain error (fn is not called) and, when the first argument is empty, calls fn with the remaining arguments only; the process exits with code 0.
source: seeds/003_43754586e9320e59.txt (domain.intercept)
tags: [article, domain, errors]
why: >-
  intercept() is bind() plus the Node callback convention: the wrapper inspects its first argument; an error is emitted on the domain (marked with domainBound and domainThrown false) instead of being passed on, otherwise the first argument is dropped and the rest go to fn.
links: [https://nodejs.org/api/domain.html#domaininterceptcallback]
---*/
var domain = require('domain');

var d = domain.create();
d.on('error', function (err) {
  console.log('domain error: ' + err.message + ' (domainThrown: ' + err.domainThrown + ', domainBound is the callback: ' + (err.domainBound === onResult) + ')');
});

function onResult(a, b) {
  console.log('callback called with ' + arguments.length + ' arguments: ' + a + ', ' + b);
}
var callback = d.intercept(onResult);

// Like a Node-style API answering twice: once with an error, once with results.
setTimeout(function () {
  callback(new Error('passed as the first argument'), 'ignored');
  callback(null, 'first result', 'second result');
}, 1);

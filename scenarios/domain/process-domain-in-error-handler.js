/*---
claim: "Inside a domain's 'error' listener, process.domain is that same domain in Node 12 but undefined from Node 13: the handler runs outside the domain it handles, so what it starts asynchronously is no longer caught by that domain."
source: https://nodejs.org/api/domain.html
tags: [domain, errors]
why: Running the handler inside its own domain let an error thrown by the handler (or by work it started) come back to the same handler, which could loop for ever. Node 13 exits the domain before calling its 'error' listeners.
instead: "Handle errors in the listener without relying on process.domain; if the handler's own async work needs protection, give it its own domain or (better) explicit error handling."
changes: [{in: '13.0.0', what: "a domain's error handler runs outside of that domain (process.domain is undefined in it)", link: 'https://github.com/nodejs/node/pull/26211'}]
---*/
var domain = require('domain');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

var d = domain.create();
d.on('error', function (err) {
  var current = process.domain === d ? 'the same domain' : String(process.domain);
  console.log('error listener got: ' + err.message + '; process.domain is ' + current);
});
d.run(function () {
  setTimeout(function () {
    throw new Error('request failed');
  }, 1);
});

/*---
claim: "With an uncaught-exception capture callback set, require('domain') throws ERR_DOMAIN_CALLBACK_NOT_AVAILABLE up to Node 25.8 (and in 24); from 25.9 it loads and the domain catches its own errors, but the application's callback is gone after the domain runs, so an error outside the domain crashes the process with exit code 1."
source: https://nodejs.org/api/errors.html#err_domain_callback_not_available
tags: [domain, uncaughtException, errors, exit]
why: "Before 25.9 the domain module refused to load when it could not take the single capture slot. Since 25.9 it loads and, when a domain is entered or exited, installs its own handler in that slot (or clears it), replacing the application's callback."
instead: "Pick one mechanism per process: domains (deprecated), or the capture callback, or 'uncaughtException' listeners."
changes: [{in: '25.9.0', what: 'the domain module loads while a capture callback is set, and replaces that callback once a domain is used', link: 'https://github.com/nodejs/node/pull/61227'}, {never: '24', what: 'the 24.x line keeps the mutual exclusion', link: 'https://github.com/nodejs/node/pull/61227'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

process.setUncaughtExceptionCaptureCallback(function (err) {
  console.log('capture callback: ' + err.message);
});

var domain;
try {
  domain = require('domain');
  console.log('domain loaded');
} catch (err) {
  console.log('require threw ' + err.code);
}

if (domain) {
  var d = domain.create();
  d.on('error', function (err) {
    console.log('domain caught: ' + err.message);
  });
  d.run(function () {
    setTimeout(function () {
      throw new Error('inside the domain');
    }, 1);
  });
}
// Due well after the first timer, so the domain has been entered and exited by then.
setTimeout(function () {
  console.log('capture callback still set: ' + process.hasUncaughtExceptionCaptureCallback());
  throw new Error('outside any domain');
}, 20);

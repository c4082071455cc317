/*---
claim: "Once the domain module is loaded, process.setUncaughtExceptionCaptureCallback() throws ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE up to Node 25.8 (and in 24); from 25.9 the call succeeds, but entering a domain later silently removes the callback again, so an error thrown outside the domain still crashes the process with exit code 1 on every version."
source: https://nodejs.org/api/process.html#processsetuncaughtexceptioncapturecallbackfn
tags: [domain, uncaughtException, errors, exit]
why: "The domain module routes errors through the same single capture slot. Older versions made the two mutually exclusive; since 25.9 they may coexist, but a domain that is entered or exited resets the slot to its own handler (or to nothing), dropping the application's callback without a word."
instead: "Do not combine domains with the capture callback; use an 'uncaughtException' listener for errors outside domains."
changes: [{in: '25.9.0', what: 'setUncaughtExceptionCaptureCallback no longer throws after require(domain); the callback is then reset when a domain is entered', link: 'https://github.com/nodejs/node/pull/61227'}, {never: '24', what: 'the 24.x line keeps the mutual exclusion', link: 'https://github.com/nodejs/node/pull/61227'}]
---*/
var domain = require('domain');

process.on('exit', function (code) {
  console.log('exit ' + code);
});

try {
  process.setUncaughtExceptionCaptureCallback(function (err) {
    console.log('capture callback: ' + err.message);
  });
  console.log('capture callback set');
} catch (err) {
  console.log('setting it threw ' + err.code);
}

var d = domain.create();
d.on('error', function (err) {
  console.log('domain caught: ' + err.message);
});
d.run(function () {
  setTimeout(function () {
    throw new Error('inside the domain');
  }, 1);
});
// Due well after the first timer, so the domain has been entered and exited by then.
setTimeout(function () {
  console.log('capture callback still set: ' + process.hasUncaughtExceptionCaptureCallback());
  throw new Error('outside any domain');
}, 20);

/*---
claim: "An error thrown by a timer that a test started but did not wait for, after the test has passed, is reported as asynchronous activity after the test ended; the test still counts as passed."
source: https://nodejs.org/api/test.html
tags: [node-test, errors, uncaughtException, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
instead: "Wait in the test for everything it starts, or cancel it in t.after()."
changes:
  - {in: '20.13.0', what: "the diagnostic starts with 'Error: Test ... at <file>:<line>:<col>' instead of 'Warning: Test ...'", link: 'https://github.com/nodejs/node/pull/52401'}
  - {never: '21', what: "21.x keeps the 'Warning: Test ...' diagnostic without the test's location", link: 'https://github.com/nodejs/node/pull/52401'}
  - {in: '22.1.0', what: "the diagnostic starts with 'Error: Test ... at <file>:<line>:<col>' instead of 'Warning: Test ...'", link: 'https://github.com/nodejs/node/pull/52401'}
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('starts a timer and ends', function () {
  setTimeout(function () {
    throw new Error('boom after the test');
  }, 50);
});

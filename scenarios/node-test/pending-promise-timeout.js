/*---
claim: "A test with { timeout: 200 } that awaits a Promise that never settles does not fail by its timeout up to Node 23: the loop empties first and the test is cancelled ('Promise resolution is still pending ...'), exit code 1; from Node 24 the timeout keeps the process alive and fails the test ('test timed out after 200ms'), exit code 1."
source: https://nodejs.org/api/test.html#testname-options-fn; https://github.com/nodejs/node/pull/52025
tags: [node-test, promise, timers, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
changes:
  - {in: '24.0.0', what: "the test runner keeps the event loop alive until every test has finished, so the test's own timeout fires and fails it (testTimeoutFailure)", link: 'https://github.com/nodejs/node/pull/56664'}
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('never settles, with a timeout', { timeout: 200 }, async function () {
  await new Promise(function () {});
});

/*---
claim: "An error thrown from a timer while a test is running fails that test (it reaches the runner as an uncaughtException), the other tests still run, and the process exits with 1."
source: https://nodejs.org/api/test.html
tags: [node-test, errors, uncaughtException, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
why: "The test runner installs process-level 'uncaughtException' and 'unhandledRejection' listeners. An error that escapes while a test runs is charged to the test that is running (or, when it can tell, to the test that created the failing async activity), which fails; the process is not crashed."
instead: "Await the work in the test (promises, events.once) so that errors surface as the test's own rejection."
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('throws from a timer', async function () {
  setTimeout(function () {
    throw new Error('boom from a timer');
  }, 1);
  await new Promise(function (resolve) {
    setTimeout(resolve, 100);
  });
});

test('runs afterwards', function () {});

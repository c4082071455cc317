/*---
claim: "A test that awaits a Promise that never settles, in a file run directly: up to Node 23 the event loop empties, the test is cancelled ('Promise resolution is still pending but the event loop has already resolved') and the process exits with 1; from Node 24 the process never ends by itself."
source: https://nodejs.org/api/test.html; https://github.com/nodejs/node/pull/44060
tags: [node-test, promise, event-loop, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
# Up to Node 23 the process ends by itself in well under 1 s (two Node processes with --test);
# 8 s leaves a wide margin on a loaded machine before 'never ends' is concluded.
timeout: 8000
why: "A pending Promise holds nothing open. The test runner used to notice, when the loop emptied, that its root test had not finished, and cancel what was still running (failureType cancelledByParent), which set exit code 1. In Node 24 the runner itself keeps the process alive until the test finishes, so the file hangs instead."
instead: "Give every wait in a test a deadline: test('...', { timeout: 5000 }, ...), or race the Promise against AbortSignal.timeout()."
changes:
  - {in: '24.0.0', what: "the test runner keeps the event loop alive until every test has finished, so the never-settling test hangs the process instead of being cancelled", link: 'https://github.com/nodejs/node/pull/56664'}
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('never settles', async function () {
  await new Promise(function () {});
});

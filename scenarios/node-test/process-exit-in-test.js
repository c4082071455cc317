/*---
claim: "process.exit(0) inside a test ends the process at once with code 0: the remaining tests never run and nothing reports them, so a file that fails can look like a pass."
source: https://nodejs.org/api/test.html; https://nodejs.org/api/process.html#processexitcode
tags: [node-test, exit, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
why: "process.exit() does not give the test runner a chance to run or report the rest: the runner cannot even report the test that called it."
instead: "Never call process.exit() in tests or in code under test; let the runner set the exit code."
---*/
var test = require('node:test');
var assert = require('assert');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('calls process.exit(0)', function () {
  process.exit(0);
});

test('would fail', function () {
  assert.fail('never reported');
});

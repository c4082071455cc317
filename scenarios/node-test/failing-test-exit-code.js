/*---
claim: "A failing test does not stop the file: the next tests run, the process exits with 1, and its 'exit' listeners already see 1 (the runner sets process.exitCode)."
source: https://nodejs.org/api/test.html
tags: [node-test, exit-codes, exitCode]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
---*/
var test = require('node:test');
var assert = require('assert');

process.on('exit', function (code) {
  console.log('exit listener ' + code + ', process.exitCode ' + process.exitCode);
});

test('fails', function () {
  assert.strictEqual(1, 2);
});

test('passes', function () {});

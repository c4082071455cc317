/*---
claim: "t.after() runs when its test ends, even when the test failed, and the file-level after() runs once all tests are done, all before the process's 'exit' listeners."
source: https://nodejs.org/api/test.html#contextafterfn-options; https://nodejs.org/api/test.html#afterfn-options
tags: [node-test, exit-codes, shutdown]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
instead: "Release what a test opens (servers, timers, files) in t.after(), so that it is released when an assertion fails too."
changes:
  - {never: '19', what: "19.x never runs a file-level after() hook", link: 'https://github.com/nodejs/node/pull/48231'}
  - {in: '18.17.0', what: "the file-level after() hook runs (before 18.17.0 it never ran), after the test results are reported", link: 'https://github.com/nodejs/node/pull/48231'}
  - {in: '18.19.0', what: "the file-level after() hook runs before the test results are reported", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V18.md#18.19.0'}
  - {in: '20.3.0', what: "the file-level after() hook runs (20.0.0 to 20.2.0 never ran it), after the test results are reported", link: 'https://github.com/nodejs/node/pull/48231'}
  - {in: '20.7.0', what: "the file-level after() hook runs before the test results are reported", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V20.md#20.7.0'}
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test.after(function () {
  console.log('file-level after()');
});

test('fails with cleanup', function (t) {
  t.after(function () {
    console.log('t.after() of the failing test');
  });
  throw new Error('assertion failed');
});

test('passes', function () {
  console.log('second test runs');
});

/*---
claim: "A failing test marked todo is reported as not ok, but does not fail the run: with only a failing todo test and a skipped test, the process exits with 0."
source: https://nodejs.org/api/test.html#todo-tests
tags: [node-test, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
changes:
  - {never: '19', what: "19.x sets exit code 1 for a failing todo test", link: 'https://github.com/nodejs/node/pull/48929'}
  - {in: '18.19.0', what: "a failing todo test no longer sets the exit code (before 18.19.0 the run exited with 1)", link: 'https://github.com/nodejs/node/pull/48929'}
  - {in: '20.6.0', what: "a failing todo test no longer sets the exit code (20.0.0 to 20.5.1 exited with 1)", link: 'https://github.com/nodejs/node/pull/48929'}
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('failing todo', { todo: true }, function () {
  throw new Error('not done yet');
});

test('skipped', { skip: true }, function () {
  throw new Error('never runs');
});

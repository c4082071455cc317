/*---
claim: "A test that leaves a setInterval running passes, and with --test-force-exit the process then exits with 0 once the report is written instead of running forever; the flag came in 20.14.0 and 22.0.0, and Node before them (and every 21.x) refuses to start with it (exit 9, bad option)."
source: https://github.com/nodejs/node/issues/49925
tags: [node-test, timers, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test-force-exit, --test-reporter=./_reporter.js]
# With the flag the process ends in well under 1 s; 8 s leaves a wide margin on a loaded machine
# before 'never ends' would be concluded.
timeout: 8000
why: The test runner reports a test as passed when its function returns, but the process only ends when nothing keeps the event loop alive, and a forgotten interval does. --test-force-exit makes the runner call process.exit once every known test has finished.
instead: Clear what a test starts (t.after(() => clearInterval(id))); use --test-force-exit only as a stopgap, since it hides the leak.
links: [https://nodejs.org/api/cli.html#--test-force-exit, https://github.com/nodejs/node/pull/52038]
changes:
  - {in: '20.14.0', what: '--test-force-exit is accepted (backport): the run exits with 0 after the report', link: 'https://github.com/nodejs/node/pull/52038'}
  - {never: '21', what: 'no 21.x release takes --test-force-exit: bad option, exit 9 (observed on 21.0.0 and 21.7.3)', link: 'https://github.com/nodejs/node/pull/52038'}
  - {in: '22.0.0', what: '--test-force-exit is accepted: the run exits with 0 after the report', link: 'https://github.com/nodejs/node/pull/52038'}
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('leaves an interval running', function () {
  setInterval(function () {}, 1000);
});

/*---
claim: "The same never-settling test run with node --test: up to Node 23 it is cancelled with 'Promise resolution is still pending but the event loop has already resolved' and the run exits with 1; from Node 24 the test file's process never ends and neither does the run."
source: https://nodejs.org/api/test.html#running-tests-from-the-command-line
tags: [node-test, promise, event-loop, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test, --test-reporter=./_reporter.js]
# Up to Node 23 the process ends by itself in well under 1 s (two Node processes with --test);
# 8 s leaves a wide margin on a loaded machine before 'never ends' is concluded.
timeout: 8000
why: "Under --test, each file runs in a child process and the parent reports what the child's runner reported. The file's own 'exit' listener runs in the child; its output reaches the reporter as the test's stdout."
instead: "Give every wait in a test a deadline ({ timeout }), and give the whole run one with --test-timeout."
changes:
  - {in: '18.17.0', what: "the child's results reach the --test parent serialized instead of parsed from TAP: the message keeps its text (no 'Error: ' prefix), one summary instead of two, and the child's own output arrives as 'stdout: ...'", link: 'https://github.com/nodejs/node/pull/47867'}
  - {never: '19', what: "19.x never serializes the child's results: it reports them parsed from the child's TAP output, with an 'Error: ' prefix and the child's output as a '# ' comment", link: 'https://github.com/nodejs/node/pull/47867'}
  - {in: '19.7.0', what: "the child's own summary is reported too, indented under the file's 'not ok <file> (subtestsFailed)'", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V19.md#19.7.0'}
  - {in: '19.8.0', what: "the child's test is reported at top level, not nested under a failed file: no 'not ok <file>' line, and the summary is printed twice (child's and run's), as in 18.16 and 20.0", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V19.md#19.8.0'}
  - {in: '20.2.0', what: "the message loses its 'Error: ' prefix and the summary is printed once, after the child's '# exit listener 1' and an empty '# ' comment", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V20.md#20.2.0'}
  - {in: '20.3.0', what: "the child's results reach the --test parent serialized instead of parsed from TAP: the child's own output arrives as 'stdout: ...'", link: 'https://github.com/nodejs/node/pull/47867'}
  - {in: '24.0.0', what: "the test runner keeps the event loop alive until every test has finished, so the test file's process and the whole run hang", link: 'https://github.com/nodejs/node/pull/56664'}
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('never settles', async function () {
  await new Promise(function () {});
});

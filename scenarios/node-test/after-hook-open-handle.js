/*---
claim: "A file-level after() hook that closes a server opened in the file-level before() runs once the tests are done, and the file exits with 0 on its own, from 18.19.0 and 20.7.0; from 18.17.0 and 20.1.0 until then the after() waited for the event loop to empty, which the open server prevents, so the process never ended; earlier (and on 19.x) the file-level before() did not run before the test, which failed."
source: https://github.com/nodejs/node/issues/49056
tags: [node-test, handles, shutdown]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
# A file that ends does so in well under 1 s; 8 s leaves a wide margin on a loaded machine before
# 'never ends' is concluded.
timeout: 8000
why: The hooks of the file's root test used to run only when the process was about to exit (on 'beforeExit'), which never comes while a server listens; the server is closed by that very hook. The runner now runs the root's after() hooks as soon as its last test has finished.
instead: On an affected release, close resources in the last test or in t.after() of each test, or unref() the server.
links: [https://nodejs.org/api/test.html#afterfn-options]
changes:
  - {in: '18.17.0', what: 'the file-level before() runs before the test, and the file-level after() waits for beforeExit: with the server open the process never ends', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V18.md#18.17.0'}
  - {never: '19', what: 'no 19.x release runs the file-level before() before the test: the test fails (observed on 19.6.0 and 19.8.1)', link: 'https://nodejs.org/api/test.html#beforefn-options'}
  - {in: '20.1.0', what: 'the file-level before() runs before the test, and the file-level after() waits for beforeExit: with the server open the process never ends', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V20.md#20.1.0'}
  - {in: '18.19.0', what: 'the file-level after() runs as soon as the last test has finished: it closes the server and the process exits with 0', link: 'https://github.com/nodejs/node/pull/49059'}
  - {in: '20.7.0', what: 'the file-level after() runs as soon as the last test has finished: it closes the server and the process exits with 0', link: 'https://github.com/nodejs/node/pull/49059'}
---*/
var test = require('node:test');
var net = require('net');

var server;
process.on('exit', function (code) {
  console.log('exit listener ' + code);
});
test.before(function (t, done) {
  server = net.createServer();
  server.listen(0, '127.0.0.1', function () {
    done();
  });
});
test.after(function (t, done) {
  console.log('after hook: closing the server');
  server.close(done);
});
test('uses the server', function () {
  if (!server.listening) throw new Error('server not listening');
});

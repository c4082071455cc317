/*---
claim: >-
  An error thrown inside the domain's own 'error' listener is not caught by anything: the process prints the stack of the second error, exits with code 7 and the exit event does not fire.
source: seeds/003_43754586e9320e59.txt (도메인(Domain)); https://nodejs.org/api/process.html#exit-codes
tags: [domain, errors, uncaughtException, exitCode, exit]
why: For a thrown error, the domain's 'error' listener runs from inside Node's fatal-exception handling (the same place 'uncaughtException' listeners run). When that handler itself throws, Node gives up at once with exit code 7, "Internal Exception Handler Run-Time Failure", without running the exit listeners. The article's worker wraps its handler body in try/catch for this reason.
instead: Keep the domain's 'error' listener tiny and wrap its body in try/catch, as the article's cluster worker does; log, then shut down.
links: [https://nodejs.org/api/process.html#exit-codes]
---*/
process.on('exit', function (code) {
  console.log('exit event: ' + code);
});

var d = require('domain').create();
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
  throw new Error('thrown inside the error listener');
});

d.run(function () {
  setTimeout(function () {
    throw new Error('first error');
  }, 1);
});

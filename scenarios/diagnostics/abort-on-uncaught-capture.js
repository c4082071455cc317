/*---
claim: "With --abort-on-uncaught-exception and an uncaught-exception capture callback set, there is no abort: the callback receives the error, the 'exit' listeners run, and the process exits with code 0."
source: https://nodejs.org/api/process.html#processsetuncaughtexceptioncapturecallbackfn
tags: [diagnostics, uncaughtException, exit]
timeout: 20000
why: The documentation of setUncaughtExceptionCaptureCallback says it is the way to keep --abort-on-uncaught-exception from aborting; Node tells V8 not to abort while a callback is set.
---*/
require('./_isolated')('_throw-with-capture.js', ['--abort-on-uncaught-exception']);

/*---
claim: "With --abort-on-uncaught-exception an 'uncaughtException' listener does not save the process: the listener is never called and the process dies by signal (SIGILL before 16.4, SIGTRAP from 16.4) exactly as without it."
source: https://nodejs.org/api/cli.html#--abort-on-uncaught-exception
tags: [diagnostics, uncaughtException, signals]
timeout: 20000
why: V8 decides to abort at the throw, before Node's fatal-exception handling (which is what emits 'uncaughtException') gets a chance to run. Only the capture callback (process.setUncaughtExceptionCaptureCallback) tells V8 not to abort.
instead: If a process must survive uncaught exceptions, do not run it with --abort-on-uncaught-exception, or use setUncaughtExceptionCaptureCallback.
changes: [{in: '16.4.0', what: 'the crash is a SIGTRAP instead of a SIGILL (first seen in 16.4.0, which updated V8 from 9.0 to 9.1)', link: 'https://github.com/nodejs/node/pull/39031'}]
---*/
require('./_isolated')('_throw-with-listener.js', ['--abort-on-uncaught-exception']);

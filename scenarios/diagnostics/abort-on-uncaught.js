/*---
claim: "With --abort-on-uncaught-exception an uncaught exception kills the process with a signal instead of exiting with code 1: SIGILL before Node 16.4, SIGTRAP from 16.4 on (x64 Linux); the 'exit' listeners never run, and stderr starts with 'Uncaught Error: boom'."
source: https://nodejs.org/api/cli.html#--abort-on-uncaught-exception
tags: [diagnostics, uncaughtException, exit, signals]
timeout: 20000
why: "The flag asks V8 to crash on the spot so that a core file (or a debugger) captures the stack and heap at the moment of the throw. V8 crashes with a trapping CPU instruction, and which one changed with the V8 9.1 update in Node 16.4.0, so the same crash reports a different signal. A crash is not an exit: nothing JavaScript runs after it. The scenario runs the crashing script as a child, with core dumps off, in a temporary directory it removes."
instead: Use the flag only for post-mortem debugging, with a process manager that expects a signal death (128+n in a shell) rather than exit code 1.
changes: [{in: '16.4.0', what: 'the crash is a SIGTRAP instead of a SIGILL (first seen in 16.4.0, which updated V8 from 9.0 to 9.1)', link: 'https://github.com/nodejs/node/pull/39031'}]
---*/
require('./_isolated')('_throw-in-timer.js', ['--abort-on-uncaught-exception']);

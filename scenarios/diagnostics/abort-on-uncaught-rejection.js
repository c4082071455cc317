/*---
claim: "With --abort-on-uncaught-exception an unhandled rejection aborts too, from Node 15 on, by SIGABRT (not the SIGILL/SIGTRAP of a thrown exception), without running the 'exit' listeners; before 15 it only prints a warning and the process exits with code 0."
source: https://nodejs.org/api/cli.html#--abort-on-uncaught-exception
tags: [diagnostics, rejections, signals, exit]
timeout: 20000
why: Since Node 15 an unhandled rejection is raised as an uncaught exception from Node's own rejection processing. With the flag, Node then calls abort() itself, which raises SIGABRT, rather than V8 trapping at a throw.
changes: [{in: '15.0.0', what: 'unhandled rejections became fatal by default (--unhandled-rejections=throw), so the flag aborts on them', link: 'https://github.com/nodejs/node/pull/33021'}]
---*/
require('./_isolated')('_reject.js', ['--abort-on-uncaught-exception']);

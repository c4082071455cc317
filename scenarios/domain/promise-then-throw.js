/*---
claim: A throw inside a .then continuation created inside domain.run() runs in the domain but is a promise rejection, not a thrown error; from Node 15.3.0 the unhandled rejection is handed to the domain's 'error' listener (exit 0); before that it was an ordinary unhandled rejection (a warning and exit 0 before 15, a crash with exit 1 in 15.0-15.2).
source: seeds/003_43754586e9320e59.txt (도메인(Domain)); https://nodejs.org/api/domain.html#domains-and-promises
tags: [domain, promise, rejections, errors]
why: Since Node 8 a .then callback runs in the domain that was active when .then was called, but the throw only rejects the derived promise. Nothing catches it, so it becomes an unhandled rejection. Node 15.3.0 started to remember the active domain when a rejection goes unhandled and to emit it as 'error' on that domain instead of following the unhandled-rejections mode.
instead: End every promise chain with .catch (or await it inside try/catch); do not count on a domain to see promise errors.
links: [https://nodejs.org/api/domain.html#domains-and-promises, https://github.com/nodejs/node/pull/36082]
changes:
  - { in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564' }
  - { in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564' }
  - { in: '15.0.0', what: 'without the domain hand-off, the unhandled rejection became fatal: exit 1 instead of a warning and exit 0', link: 'https://github.com/nodejs/node/pull/33021' }
  - { in: '15.3.0', what: 'an unhandled rejection created inside a domain is emitted as the domain''s error event: exit 0, no warning, no crash', link: 'https://github.com/nodejs/node/pull/36082' }
---*/
process.on('exit', function (code) {
  console.log('exit event: ' + code);
});

var d = require('domain').create();
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
});

d.run(function () {
  Promise.resolve().then(function () {
    console.log('in then, process.domain is d: ' + (process.domain === d));
    throw new Error('thrown in then');
  });
});

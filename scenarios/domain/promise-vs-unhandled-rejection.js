/*---
claim: With both a domain 'error' listener and a process 'unhandledRejection' listener, an unhandled rejection from a .then created inside domain.run() goes to process 'unhandledRejection' before Node 15.3.0 and to the domain (not the process listener) from 15.3.0; exit code 0 either way.
source: seeds/003_43754586e9320e59.txt (도메인(Domain)); https://github.com/nodejs/node/issues/35232
tags: [domain, promise, rejections]
why: From 15.3.0 Node records the active domain with each possibly-unhandled rejection, and when the rejection stays unhandled it emits 'error' on that domain instead of emitting process 'unhandledRejection'. Code that relied on a global 'unhandledRejection' logger stops hearing about rejections that start inside a domain.
links: [https://github.com/nodejs/node/pull/36082]
changes:
  - { in: '15.3.0', what: 'the domain''s error event receives the rejection instead of process unhandledRejection', link: 'https://github.com/nodejs/node/pull/36082' }
---*/
process.on('unhandledRejection', function (reason) {
  console.log('process unhandledRejection: ' + reason.message);
});

var d = require('domain').create();
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
});

d.run(function () {
  Promise.resolve().then(function () {
    throw new Error('thrown in then');
  });
});

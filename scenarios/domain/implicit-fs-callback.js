/*---
claim: A throw inside an fs.readFile callback started within domain.run() (here reading a missing file) reaches the domain's 'error' listener; the callback first sees the ENOENT error as its argument, and the process exits with code 0.
source: >-
  seeds/003_43754586e9320e59.txt (암묵적 바인딩과 명시적 바인딩: fs.open 등의 콜백)
tags: [article, domain, errors]
why: >-
  fs callbacks are asynchronous resources like timers: they remember the domain that was active when the call was made and run inside it, so a throw from the callback is routed to that domain.
links: [https://nodejs.org/api/domain.html#implicit-binding]
---*/
var domain = require('domain');
var fs = require('fs');

var d = domain.create();
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
  console.log('err.domainThrown: ' + err.domainThrown);
});

d.run(function () {
  fs.readFile('./no-such-file.txt', function (err, data) {
    console.log('callback got: ' + (err && err.code));
    console.log('callback runs in d: ' + (process.domain === d));
    throw new Error('thrown from the readFile callback');
  });
});

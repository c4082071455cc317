/*---
claim: A stream created inside domain.run() is bound to the domain like any EventEmitter; when it is destroyed with an error and has no 'error' listener, the error reaches the domain's 'error' listener and the process exits with code 0.
source: >-
  seeds/003_43754586e9320e59.txt (암묵적 바인딩과 명시적 바인딩: 스트림 객체, 요청, 응답)
tags: [article, domain, streams, errors]
why: Streams are EventEmitters, so they pick up the active domain when they are constructed. destroy(err) emits 'error' on a later tick, outside run(); the stream's own binding routes it to the domain.
links: [https://nodejs.org/api/domain.html#implicit-binding]
---*/
var domain = require('domain');
var Readable = require('stream').Readable;

var d = domain.create();
var stream;
d.on('error', function (err) {
  console.log('domain error: ' + err.message);
  console.log('err.domainEmitter is the stream: ' + (err.domainEmitter === stream));
});

d.run(function () {
  stream = new Readable({ read: function () {} });
});
console.log('stream.domain is d: ' + (stream.domain === d));
stream.destroy(new Error('stream broke'));
console.log('destroy returned');

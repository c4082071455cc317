/*---
claim: "A callback passed to worker.terminate() is called with (null, 1) after a DEP0132 deprecation warning up to Node 24; from Node 25 it is silently ignored, never called, and only the returned Promise reports the exit code."
source: https://nodejs.org/api/deprecations.html#DEP0132
tags: [workers, deprecation, warnings]
why: "terminate() returns a Promise since Node 12.5; the old callback form was runtime-deprecated then, and removed (End-of-Life) in Node 25. Code still passing a callback now waits for a call that never comes."
instead: "Use the Promise: `const code = await worker.terminate()`, or listen for 'exit'."
changes: [{in: '25.0.0', what: 'the callback is no longer called and no DEP0132 warning is printed (End-of-Life)', link: 'https://github.com/nodejs/node/pull/58528'}]
---*/
var Worker = require('worker_threads').Worker;

var worker = new Worker(__dirname + '/_forever.js');
worker.once('message', function () {
  worker.terminate(function (err, code) {
    console.log('callback called with ' + err + ', ' + code);
  }).then(function (value) {
    console.log('promise fulfilled with ' + value);
  });
});

/*---
claim: "A test with { timeout: 200 } that passes but leaves a setInterval running is reported as passed, and its timeout does nothing about the interval: the file still has not ended 500 ms later (well past the timeout), and it ends with exit code 0 only once the interval is cleared."
source: https://github.com/FairladyZ625/harness-anything/pull/793
tags: [node-test, timers, event-loop, handles]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
why: "A test's timeout only limits how long the runner waits for that test's function (and its returned promise) to finish; it cancels nothing the test started. Once the test has passed, the runner is done with it, and the interval it left behind is an ordinary ref'd timer that keeps the process alive like any other, for as long as it runs."
instead: "Clean up in the test (clearInterval in a finally, or t.after()/afterEach hooks), unref() background timers, or, as a last resort for a whole run, node --test --test-force-exit."
links: [https://github.com/arcjet/arcjet-js/pull/6108, https://nodejs.org/api/test.html#testname-options-fn]
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

var leaked;
test('passes but leaks an interval', { timeout: 200 }, function () {
  leaked = setInterval(function () {}, 50);
});

// unref'd: it fires only if something else (the leaked interval) keeps the loop running for 500 ms.
setTimeout(function () {
  console.log('still running after 500 ms; clearing the leaked interval');
  clearInterval(leaked);
}, 500).unref();

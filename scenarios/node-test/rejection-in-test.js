/*---
claim: "A Promise rejected and never handled while a test is running fails that test, the other tests still run, and the process exits with 1."
source: https://nodejs.org/api/test.html
tags: [node-test, rejections, promise, exit-codes]
node: '>=18.15 <19 || >=19.6'
flags: [--test-reporter=./_reporter.js]
instead: "Return or await every Promise a test creates."
---*/
var test = require('node:test');

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});

test('leaves a rejection unhandled', async function () {
  Promise.reject(new Error('rejected in test'));
  await new Promise(function (resolve) {
    setTimeout(resolve, 100);
  });
});

test('runs afterwards', function () {});

/*---
claim: >-
  The article's worker 'error' handler, run in a process that is not a cluster worker, reaches its catch: cluster.worker is undefined, so disconnect() throws a TypeError, 'Error!!!' and its stack go to stderr, '에러 발생' is never printed, and the process exits with code 0 at once, its unref'd kill timer never firing.
source: >-
  seeds/003_43754586e9320e59.txt (도메인(Domain): 클러스터와 조합)
tags: [article, domain, cluster, errors, exit-codes]
why: >-
  In a cluster worker nothing in the handler's try throws for this error (setTimeout, unref() and console.log do not, and worker.disconnect() reports its failures asynchronously, if at all), so the catch is reached only where the handler's assumptions fail; the simplest such place is a process that is not a worker, where cluster.worker is undefined. The catch then logs and returns: the error counts as handled, the process is not taken down, and the kill timer, unref'd, keeps nothing alive, so the process ends normally with code 0 although its error handling itself failed.
instead: After logging in the catch, end the process yourself (process.exitCode = 1, or process.exit(1) once output is flushed) so a failed shutdown is not reported as success.
links: [https://nodejs.org/api/cluster.html#clusterworker, https://nodejs.org/api/domain.html#warning-dont-ignore-errors]
changes:
  - {in: '16.9.0', what: "V8 9.3 words the TypeError \"Cannot read properties of undefined (reading 'disconnect')\" instead of \"Cannot read property 'disconnect' of undefined\"", link: 'https://github.com/nodejs/node/pull/39469'}
---*/
// The article's worker half (its domain and 'error' handler, unchanged) run directly with
// `node`, not forked by a cluster primary.
var cluster = require('cluster');
process.on('exit', function (code) {
  console.log('exit event: ' + code);
});
console.log('cluster.worker: ' + cluster.worker);

var domain = require('domain').create();
var say = require('./_say.js');

domain.on('error', function (err) {
  // 에러가 발생하면 워커를 죽이기 전에 적절한 종료 프로세스를 수행한다.
  try {
    // 3초 이내에 종료되었는지 확인한다
    var killtimer = setTimeout(function () {
      process.exit(1);
    }, 3000);
    // 하지만 setTimeout을 현재 process와 독립적으로 동작하도록 레퍼런스 제거
    killtimer.unref();
    // 워커가 죽은 것을 마스터에게 알린다.
    cluster.worker.disconnect();
    // 적절한 처리
    console.log('에러 발생 : ' + err);
  } catch (exception) {
    // 여기서 할 수 있는 일은 많지 않다.
    console.error('Error!!!', exception.stack);
  }
});

domain.run(function () {
  try {
    say.hello();
  } catch (exception) {
    console.log(exception);
  }
});

/*---
claim: >-
  When a cluster worker's shutdown hangs (a ref'd handle that cluster.worker.disconnect() does not close), the article's unref'd 3-second kill timer ends it: the primary sees 'disconnect' at once, and the worker exits with code 1, at least 3 seconds after the error, through the timer's process.exit(1).
source: >-
  seeds/003_43754586e9320e59.txt (도메인(Domain): 클러스터와 조합)
tags: [article, domain, cluster, errors, timers, shutdown, exit-codes]
timeout: 30000
why: >-
  disconnect() closes the worker's servers and its IPC channel, nothing else. A handle it does not know about (here a ref'd setInterval standing for a job poller; in real code a database pool, a client socket, a file watcher) keeps the worker's event loop alive, so the worker does not end by itself. The primary is told 'disconnect' as soon as the channel closes, long before the worker is gone. The kill timer is the backstop: unref'd, it never keeps the worker alive, but while something else does, it fires after 3 s and calls process.exit(1). domain/cluster-restart shows the other case, a clean shutdown, where the timer never fires.
instead: Keep the kill timer; close what the worker opened on shutdown (stop pollers, end pools) so it seldom fires, and have the primary treat a non-zero exit after 'disconnect' as a hung shutdown worth logging.
links: [https://nodejs.org/api/cluster.html#workerdisconnect, https://nodejs.org/api/domain.html#warning-dont-ignore-errors, https://nodejs.org/api/timers.html#timeoutunref]
---*/
// The article's worker, unchanged in its error handler, with a handle disconnect() cannot close:
// a ref'd interval. The primary forks one worker and does not fork again.
// Timing: the only wait is the article's own 3000 ms timer; nothing races it. The worker's exit
// listener checks that at least 2900 ms passed since the error: Node counts a timer from the event
// loop's cached clock, which lags real time by the work already done in the current turn, so the
// timer can fire a few milliseconds early as Date.now() sees it; 100 ms covers that. There is no
// upper bound, so a slow machine cannot fail it. The scenario's 30 s limit leaves 27 s of margin.
// Order of lines: the worker prints '에러 발생 ...' in the turn in which it calls disconnect(), so
// before the primary hears 'disconnect'; it prints its exit line before it is gone, so before the
// primary hears 'exit' (writes to a pipe are synchronous on Linux).
var cluster = require('cluster');
var isPrimary = cluster.isPrimary !== undefined ? cluster.isPrimary : cluster.isMaster; // isPrimary exists from Node 16; isMaster is its older name

if (isPrimary) {
  var worker = cluster.fork();
  worker.on('disconnect', function () {
    console.log('[worker disconnected] ' + worker.id + ', still running: ' + (worker.process.exitCode === null && worker.process.signalCode === null));
  });
  worker.on('exit', function (code, signal) {
    console.log('[worker ' + worker.id + ' exited] code ' + code + ', signal ' + signal);
  });
  process.on('exit', function (code) {
    console.log('[primary] exit code ' + code);
  });
  worker.send('start');
} else {
  // 워커
  var domain = require('domain').create();
  var say = require('./_say.js');

  // The hang: a job poller that nothing stops on shutdown.
  setInterval(function () {}, 1000);

  var errorAt;
  domain.on('error', function () {
    errorAt = Date.now();
  });
  process.on('exit', function (code) {
    console.log('[worker] exit code ' + code + ', at least 2.9 s after the error: ' + (Date.now() - errorAt >= 2900));
  });

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

  process.once('message', function (msg) {
    if (msg !== 'start') return;
    domain.run(function () {
      try {
        say.hello();
      } catch (exception) {
        console.log(exception);
      }
    });
  });
}

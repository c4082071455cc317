/*---
claim: >-
  The article's cluster + domain loop works: each worker catches say.js's timer throw in its domain, disconnects and ends by itself (exit code 0), and the primary, on 'disconnect', forks a new worker process; bounded here to 3 restarts (4 distinct worker processes), after which the primary stops forking and exits with code 0.
source: >-
  seeds/003_43754586e9320e59.txt (도메인(Domain): 클러스터와 조합)
tags: [article, domain, cluster, errors, timers]
timeout: 30000
why: >-
  A domain only stops the crash; the worker's state after an unexpected throw is still unknown. So the worker stops taking work (cluster.worker.disconnect() closes its servers and its IPC channel), arms an unref'd kill timer in case that hangs, and lets the process end. The primary hears 'disconnect' and forks a fresh process with clean state. The unref'd timer does not keep the worker alive, so a clean disconnect ends it at once with code 0. This run therefore never reaches the handler's two other paths: the kill timer's process.exit(1) fires only when something else keeps a worker alive after disconnect() (domain/cluster-kill-timer pins that, with a hanging worker), and the catch ('Error!!!') only when something in the try throws, which nothing does in a cluster worker for this error (domain/error-handler-not-a-worker pins it outside a worker, where cluster.worker is undefined).
instead: Let a supervisor (cluster primary, systemd, a container orchestrator) restart crashed processes, with a restart limit or back-off so a worker that fails at start-up does not fork forever.
links: [https://nodejs.org/api/domain.html#warning-dont-ignore-errors, https://nodejs.org/api/cluster.html#event-disconnect]
---*/
// The article's index.js, with three changes for a bounded, deterministic run:
//  1. At most MAX_RESTARTS re-forks; then the primary stops forking, and with no worker left its
//     event loop is empty and it exits. (The article's loop never ends.)
//  2. The article prints '[worker disconnected] <id>' with console.error; here everything goes to
//     stdout so that the whole story is one ordered transcript.
//  3. Ordering. Primary and workers write to the same stdout, so every line is made to happen after
//     the previous one causally, never by timing:
//     - a worker runs say.hello() only when the primary sends it 'start', which the primary does
//       after printing '[new worker forked!]', so that line always comes before the worker's;
//     - the worker prints '에러 발생 ...' in the same synchronous turn in which it calls
//       disconnect(); its IPC channel closes only in a later turn (after the disconnect message is
//       sent), and writes to a pipe or file are synchronous on Linux, so the line is already out
//       when the primary sees 'disconnect';
//     - the primary forks the next worker only after the old one has both disconnected and
//       exited (the two events can come in either order), so a dying worker never overlaps a new one.
//  Worker pids are not printed (they vary); the primary prints how many distinct pids it saw.
var cluster = require('cluster');
var isPrimary = cluster.isPrimary !== undefined ? cluster.isPrimary : cluster.isMaster; // isPrimary exists from Node 16; isMaster is its older name

var MAX_RESTARTS = 3;

if (isPrimary) {
  var restarts = 0;
  var pids = [];
  var exited = {}; // worker id -> 'code <n>, signal <s>' once its 'exit' was seen
  var startWorker = function () {
    var worker = cluster.fork();
    pids.push(worker.process.pid);
    worker.on('exit', function (code, signal) {
      exited[worker.id] = 'code ' + code + ', signal ' + signal;
    });
    return worker;
  };
  process.on('exit', function (code) {
    var distinct = pids.filter(function (p, i) { return pids.indexOf(p) === i && p !== process.pid; });
    console.log('[primary] ' + pids.length + ' workers forked, ' + distinct.length + ' distinct worker pids; exit code ' + code);
  });

  // production 에서는 이보다 많은 갯수의 워커를 생성할 것이다.
  startWorker().send('start');

  // 워커가 죽은 경우,
  cluster.on('disconnect', function (worker) {
    // 죽은 워커 정보 표시
    console.log('[worker disconnected] ' + worker.id);
    var next = function () {
      console.log('[worker ' + worker.id + ' exited] ' + exited[worker.id]);
      if (restarts >= MAX_RESTARTS) {
        console.log('[primary] ' + MAX_RESTARTS + ' restarts done, not forking again');
        return;
      }
      restarts++;
      // 다시 생성한다.
      var fresh = startWorker();
      console.log('[new worker forked!]');
      fresh.send('start');
    };
    if (exited[worker.id]) next();
    else worker.once('exit', next); // registered after startWorker's listener, so exited[] is set by then
  });
} else {
  // 워커
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

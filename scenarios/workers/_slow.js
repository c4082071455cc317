// Worker fixture: would report after 5 seconds, if it were given the time.
setTimeout(function () {
  require('worker_threads').parentPort.postMessage('worker done');
}, 5000);

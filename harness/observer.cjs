// Preloaded into every scenario with `--require` (works on every Node from 12 on).
// It watches the process's `exit` event without the scenario's help and reports, on fd 3 (a pipe
// the harness opens), one JSON object a line:
//   {"t":"start","version":"v22.1.0","pid":123}
//   {"t":"exit","code":0}                      when the first `exit` listener runs
//   {"t":"out","fd":1,"text":"..."}           everything written to stdout/stderr after that
// Being preloaded, its listener is registered before any of the scenario's, so whatever is
// written after its "exit" record was written by the scenario's own `exit` listeners.
// Only the scenario's main process reports: the variable that switches it on is removed at once,
// so cluster workers and child processes (which inherit execArgv) stay silent.
'use strict';
if (process.env.NODE_ASYNC_SPEC_OBSERVER === '3') {
  delete process.env.NODE_ASYNC_SPEC_OBSERVER;
  var fs = require('fs');
  var report = function (obj) {
    try {
      fs.writeSync(3, JSON.stringify(obj) + '\n');
    } catch (e) {
      // fd 3 closed: nothing to report to
    }
  };
  report({ t: 'start', version: process.version, pid: process.pid });
  var wrap = function (stream, fd) {
    var original = stream.write;
    stream.write = function (chunk, encoding) {
      report({ t: 'out', fd: fd, text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8') });
      return original.apply(this, arguments);
    };
  };
  process.on('exit', function (code) {
    report({ t: 'exit', code: code });
    wrap(process.stdout, 1);
    wrap(process.stderr, 2);
  });
}

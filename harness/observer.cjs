// Preloaded into every scenario (`node --require`, on every Node from 12 on; `bun --preload`;
// `deno run --preload`). It watches the process's `exit` event without the scenario's help and
// reports, on fd 3 (a pipe the harness opens), one JSON object a line:
//   {"t":"start","version":"v22.1.0","pid":123}
//   {"t":"exit","code":0}                      when the first `exit` listener runs
//   {"t":"out","fd":1,"text":"..."}           everything written to stdout/stderr after that
//   {"t":"unknown","why":"..."}               something was printed after that which it cannot render
// Being preloaded, its listener is registered before any of the scenario's, so whatever is
// written after its "exit" record was written by the scenario's own `exit` listeners.
// Only the scenario's main process reports: the variable that switches it on is removed at once,
// so cluster workers and child processes (which inherit execArgv) stay silent.
//
// Bun and Deno: their `console` methods write to fd 1 and 2 directly, not through
// process.stdout.write, so once `exit` fires the console methods are watched too. Their text is
// reported only where it is certain (strings without `%`, outside a console.group); anything else
// printed through the console is reported as unknown, never rendered by guess. Deno's node:fs
// numbers are not the process's file descriptors (and a socket cannot be reopened by its path),
// so there the harness names a file to report to instead: NODE_ASYNC_SPEC_OBSERVER=<path>.
'use strict';
var how = process.env.NODE_ASYNC_SPEC_OBSERVER;
if (how) {
  delete process.env.NODE_ASYNC_SPEC_OBSERVER;
  var fs = require('fs');
  var versions = process.versions || {};
  var bypass = !!(versions.bun || versions.deno);
  var fd = 3;
  if (how !== '3') {
    try {
      fd = fs.openSync(how, 'a');
    } catch (e) {
      fd = -1; // nothing to report to: the harness sees no start record
    }
  }
  var report = function (obj) {
    if (fd < 0) return;
    try {
      fs.writeSync(fd, JSON.stringify(obj) + '\n');
    } catch (e) {
      // fd 3 closed: nothing to report to
    }
  };
  report({ t: 'start', version: process.version, pid: process.pid });
  var inConsole = false;
  var wrap = function (stream, fd) {
    var original = stream.write;
    stream.write = function (chunk, encoding) {
      if (!inConsole) report({ t: 'out', fd: fd, text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8') });
      return original.apply(this, arguments);
    };
  };
  // console.group indents what follows: counted from the start (the wrappers only count).
  var depth = 0;
  var count = function (name, step) {
    var original = console[name];
    if (typeof original !== 'function') return;
    console[name] = function () {
      depth = Math.max(0, depth + step);
      return original.apply(this, arguments);
    };
  };
  if (bypass) {
    count('group', 1);
    count('groupCollapsed', 1);
    count('groupEnd', -1);
  }
  var plainFd = { log: 1, info: 1, debug: 1, error: 2, warn: 2 };
  // Methods that print nothing, and members that are not printing methods at all.
  var silent = { groupEnd: 1, countReset: 1, profile: 1, profileEnd: 1, timeStamp: 1 };
  var notMethods = { Console: 1, context: 1, createTask: 1 };
  var watchConsole = function () {
    Object.keys(console).forEach(function (name) {
      var original = console[name];
      if (typeof original !== 'function' || notMethods[name]) return;
      console[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var plain = plainFd[name] && depth === 0 && args.every(function (a) {
          return typeof a === 'string' && a.indexOf('%') < 0;
        });
        if (plain) report({ t: 'out', fd: plainFd[name], text: args.join(' ') + '\n' });
        else if (!silent[name]) report({ t: 'unknown', why: 'console.' + name });
        inConsole = true;
        try {
          return original.apply(this, arguments);
        } finally {
          inConsole = false;
        }
      };
    });
  };
  process.on('exit', function (code) {
    report({ t: 'exit', code: code });
    wrap(process.stdout, 1);
    wrap(process.stderr, 2);
    if (bypass) watchConsole();
  });
}

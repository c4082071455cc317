// Preloaded by `npm run explain` only (`node --require`, `bun --preload`, `deno run --preload`),
// never by the spec's runs: the spec's observer (harness/observer.cjs) and its cost stay as they
// are. It watches the user's program and reports, one JSON object a line, on fd 3 (or, under Deno,
// to the file named by the variable):
//   {"t":"start","version":"v22.1.0","pid":123,"hooks":true,"monitor":true,"runtime":"node"}
//   {"t":"w","fd":1,"n":12}                 bytes passed to process.stdout/stderr.write (each call)
//   {"t":"exitCall","code":0,"at":[frames]} process.exit() was called, from there
//   {"t":"crash","origin":"uncaughtException","error":"...","at":[frames],"scheduled":{type,at}}
//   {"t":"rejection","error":"..."}         an unhandled rejection warned about (Node < 15, not fatal)
//   {"t":"beforeExit"}                      the event loop ran out of work
//   {"t":"exit","code":0,"pending":[...],"unread":[...]} the first `exit` listener ran: what was still
//                                          pending, and the streams waited on for 'end' that were ended but never read
//   {"t":"limit","live":[...],"pending":[...]} the time limit passed with the process still running
// A frame is {file, line, col, fn, lib?}: only frames of the user's code (under the script's
// folder, NODE_ASYNC_SPEC_EXPLAIN_ROOT, and not under node_modules); `lib` on the innermost names
// the package it called into (its frames collapsed). The reader is harness/explain.ts.
// Plain ES2015 with no optional chaining: it runs on every Node from 12 on.
//
// Its tracker (createTracker below: frames of the user's code, and the promises and handles that
// code created, through async_hooks) is exported for the one other observer built on it: the
// local Lambda service's report of what a freeze left pending (lambda/runtime/pending-hook.cjs).
// Required without the variable, this file only defines functions.
'use strict';

/**
 * A tracker of the code under the folder `root`: its stack frames (here(), userFrames()), and,
 * once start() has been called (Node only: async_hooks), the async resources that code led to,
 * each kept while pending: a promise until it settles, a handle or request until destroyed.
 * `foreign` (optional): folders whose code is never the user's, even when called from it: a
 * resource made by their code (their frame innermost) is not kept, nor named by its parent.
 */
function createTracker(root, foreign) {
  var runtime = runtimeName();
  // ---- stack frames of the user's code --------------------------------------------------------
  var sep = root.indexOf('\\') >= 0 ? '\\' : '/';
  var prefix = root && root.charAt(root.length - 1) !== sep ? root + sep : root;
  var FRAME = /^\s*at (?:(.*?) \()?(.+?):(\d+):(\d+)\)?$/;
  var toPath = function (file) {
    if (file.indexOf('file://') !== 0) return file;
    try {
      return require('url').fileURLToPath(file);
    } catch (e) {
      return file;
    }
  };
  var NM = sep + 'node_modules' + sep;
  // The package a node_modules path is in: "pg", "@scope/name".
  var packageOf = function (file) {
    var rest = file.slice(file.lastIndexOf(NM) + NM.length).split(sep);
    return rest[0] && rest[0].charAt(0) === '@' ? rest[0] + '/' + rest[1] : rest[0];
  };
  var outside = (foreign || []).map(function (f) {
    return f.charAt(f.length - 1) !== sep ? f + sep : f;
  });
  // Frames of the user's code, innermost first; `foreign` set on the list when the innermost code is a foreign folder's.
  var userFrames = function (stack) {
    var out = [];
    var lib = null;
    var lines = String(stack || '').split('\n');
    var innermost = true;
    for (var i = 0; i < lines.length; i++) {
      var m = FRAME.exec(lines[i]);
      if (!m) continue;
      var file = toPath(m[2]);
      if (innermost && outside.length && file !== __filename && file.indexOf('node:') !== 0) {
        innermost = false;
        for (var k = 0; k < outside.length; k++) {
          if (file.indexOf(outside[k]) === 0) {
            out.foreign = true;
            return out;
          }
        }
      }
      // Library frames are collapsed: the innermost package on the way is named on the user's frame that called into it.
      if (file.indexOf(NM) >= 0) {
        if (!out.length && !lib) lib = packageOf(file);
        continue;
      }
      if (!prefix || file === __filename || file.indexOf(prefix) !== 0) continue;
      var frame = { file: file.slice(prefix.length), line: Number(m[3]), col: Number(m[4]), fn: m[1] ? m[1].replace(/^async /, '') : '' };
      if (!out.length && lib) frame.lib = lib;
      out.push(frame);
      if (out.length >= 8) break;
    }
    return out;
  };
  var here = function () {
    var saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    var holder = {};
    Error.captureStackTrace(holder, here);
    Error.stackTraceLimit = saved;
    return userFrames(holder.stack);
  };

  // ---- promises and handles, through async_hooks ---------------------------------------------
  var ah = null;
  /** asyncId -> { kind, at, trigger, resource }; promises only while unsettled, handles until destroyed. */
  var live = new Map();
  var t = { userFrames: userFrames, here: here, live: live, hooks: false, lastEntered: 0 };
  /** Starts tracking; false where async_hooks is not there to do it (Bun, Deno). */
  t.start = function () {
    if (runtime !== 'node') return false;
    try {
      ah = require('async_hooks');
      ah.createHook({
        init: function (id, type, trigger, resource) {
          var at = here();
          if (at.foreign) return;
          // Created by a library or by Node on the user's behalf (a server's handle, made once its
          // address is looked up): named by the user's code that led to it.
          var inherited = false;
          if (!at.length) {
            var parent = live.get(trigger) || live.get(ah.executionAsyncId());
            if (parent) {
              at = parent.at;
              inherited = true;
            }
          }
          // Kept only when the user's code led to it.
          if (!at.length) return;
          live.set(id, { kind: type, at: at, trigger: trigger, resource: type === 'PROMISE' ? null : resource, inherited: inherited });
        },
        before: function (id) {
          // The resource whose callback was entered last: a queueMicrotask callback's throw reaches the monitor with no execution context left (id 0).
          t.lastEntered = id;
        },
        promiseResolve: function (id) {
          live.delete(id);
        },
        destroy: function (id) {
          live.delete(id);
        },
      }).enable();
      t.hooks = true;
    } catch (e) {
      t.hooks = false;
    }
    return t.hooks;
  };
  var describe = function (id, r) {
    var o = { id: id, kind: r.kind, at: r.at, trigger: r.trigger };
    if (r.inherited) o.inherited = true;
    var res = r.resource;
    if (res && typeof res.hasRef === 'function') {
      try {
        o.ref = !!res.hasRef();
      } catch (e) {
        // a closed handle
      }
    }
    if (res && r.kind === 'Timeout') o.repeat = res._repeat != null;
    return o;
  };
  /** The unsettled promises (promises: true) or the live handles and requests (false), as records. */
  t.snapshot = function (promises) {
    var out = [];
    live.forEach(function (r, id) {
      if (r.kind === 'TickObject') return;
      if ((r.kind === 'PROMISE') === promises) out.push(describe(id, r));
    });
    return out;
  };
  return t;
}

function runtimeName() {
  var versions = process.versions || {};
  return versions.bun ? 'bun' : versions.deno ? 'deno' : 'node';
}

if (typeof module === 'object' && module) module.exports = { createTracker: createTracker };

var how = process.env.NODE_ASYNC_SPEC_EXPLAIN;
if (how) {
  delete process.env.NODE_ASYNC_SPEC_EXPLAIN;
  var root = process.env.NODE_ASYNC_SPEC_EXPLAIN_ROOT || '';
  var limit = Number(process.env.NODE_ASYNC_SPEC_EXPLAIN_LIMIT || 0);
  delete process.env.NODE_ASYNC_SPEC_EXPLAIN_ROOT;
  delete process.env.NODE_ASYNC_SPEC_EXPLAIN_LIMIT;
  var fs = require('fs');
  var runtime = runtimeName();
  var fd = 3;
  if (how !== '3') {
    try {
      fd = fs.openSync(how, 'a');
    } catch (e) {
      fd = -1;
    }
  }
  var report = function (obj) {
    if (fd < 0) return;
    try {
      fs.writeSync(fd, JSON.stringify(obj) + '\n');
    } catch (e) {
      // nothing to report to
    }
  };
  var tracker = createTracker(root);
  var here = tracker.here;
  var userFrames = tracker.userFrames;
  var live = tracker.live;
  // Promises and handles: Node only (see `hooks` in the start record).
  var hooks = tracker.start();
  var ah = hooks ? require('async_hooks') : null;

  // uncaughtExceptionMonitor: Node 13.7 and 12.17 on.
  var parts = process.version.slice(1).split('.').map(Number);
  var monitor = runtime === 'node' && (parts[0] > 13 || (parts[0] === 13 && parts[1] >= 7) || (parts[0] === 12 && parts[1] >= 17));
  report({ t: 'start', version: process.version, pid: process.pid, runtime: runtime, hooks: hooks, monitor: !!monitor, activeHandles: typeof process._getActiveHandles === 'function', resourcesInfo: typeof process.getActiveResourcesInfo === 'function' });

  // ---- bytes written -----------------------------------------------------------------------------
  var count = function (stream, n) {
    if (!stream || typeof stream.write !== 'function') return;
    var original = stream.write;
    stream.write = function (chunk, encoding) {
      var bytes = 0;
      if (typeof chunk === 'string') bytes = Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding : 'utf8');
      else if (chunk && chunk.length !== undefined) bytes = chunk.byteLength !== undefined ? chunk.byteLength : chunk.length;
      report({ t: 'w', fd: n, n: bytes });
      return original.apply(this, arguments);
    };
  };
  count(process.stdout, 1);
  count(process.stderr, 2);

  // ---- streams waited on for 'end' ---------------------------------------------------------------
  // A readable stream whose writer ended it emits 'end' only once its data has been read: one the
  // user's code listens to for 'end' (stream.on('end', resolve)) and never reads waits for ever.
  // Remembered (weakly where WeakRef exists: Node 14.6 on), at most a thousand.
  var endWaits = [];
  var noteEndWait = function (stream, ev) {
    if (ev !== 'end' || endWaits.length >= 1000) return;
    var at = here();
    if (at.length) endWaits.push({ s: typeof WeakRef === 'function' ? new WeakRef(stream) : { deref: function () { return stream; } }, at: at });
  };
  try {
    var Readable = require('stream').Readable;
    // once() goes through this.on(): noted there.
    ['on', 'addListener'].forEach(function (name) {
      var original = Readable.prototype[name];
      if (typeof original !== 'function') return;
      Readable.prototype[name] = function (ev) {
        noteEndWait(this, ev);
        return original.apply(this, arguments);
      };
    });
  } catch (e) {
    // no stream module (a runtime without it): nothing to note
  }
  /** The streams waited on for 'end' that their writer ended and nobody read. */
  var unreadStreams = function () {
    var out = [];
    endWaits.forEach(function (w) {
      var st = w.s.deref();
      st = st && st._readableState;
      if (st && st.ended && !st.endEmitted && !st.destroyed) out.push({ kind: 'unread stream', at: w.at, buffered: st.length });
    });
    return out;
  };

  // ---- how it ends -----------------------------------------------------------------------------
  var realExit = process.exit;
  process.exit = function (code) {
    report({ t: 'exitCall', code: code === undefined ? null : String(code), at: here() });
    return realExit.apply(this, arguments);
  };
  var errorText = function (e) {
    if (e && typeof e === 'object' && typeof e.stack === 'string') return e.stack;
    try {
      return String(e);
    } catch (x) {
      return Object.prototype.toString.call(e);
    }
  };
  var crashed = false;
  var exiting = false;
  var onCrash = function (e, origin) {
    crashed = true;
    var rec = { t: 'crash', origin: origin || 'uncaughtException', error: errorText(e), at: userFrames(e && e.stack), duringExit: exiting };
    if (hooks) {
      // The async resource whose callback threw: where it was scheduled.
      var id = ah.executionAsyncId();
      var r = live.get(id === 0 ? tracker.lastEntered : id);
      if (r) rec.scheduled = { kind: r.kind, at: r.at };
    }
    report(rec);
  };
  // Registered everywhere (an event never emitted costs nothing); `monitor` says where Node is known to emit it.
  process.on('uncaughtExceptionMonitor', onCrash);
  // Before uncaughtExceptionMonitor, an unhandled rejection only warned (Node < 15): the warning says so without changing anything.
  process.on('warning', function (w) {
    if (w && w.name === 'UnhandledPromiseRejectionWarning') report({ t: 'rejection', error: String(w.message) });
  });
  process.on('beforeExit', function () {
    report({ t: 'beforeExit' });
  });
  process.on('exit', function (code) {
    exiting = true;
    report({ t: 'exit', code: code, crashed: crashed, pending: tracker.snapshot(true), live: tracker.snapshot(false), unread: unreadStreams() });
  });
  if (limit > 0) {
    var atLimit = setTimeout(function () {
      var info = typeof process.getActiveResourcesInfo === 'function' ? process.getActiveResourcesInfo() : undefined;
      var handles = typeof process._getActiveHandles === 'function' ? process._getActiveHandles().map(function (h) { return h && h.constructor ? h.constructor.name : typeof h; }) : undefined;
      report({ t: 'limit', pending: tracker.snapshot(true), live: tracker.snapshot(false), resources: info, handles: handles });
      // Reported: the harness kills the whole process group as soon as this process is gone.
      process.kill(process.pid, 'SIGKILL');
    }, limit);
    if (atLimit && typeof atLimit.unref === 'function') atLimit.unref();
  }
}

// Preloaded (node --require) into the runtime process by lambda/service.ts. It makes the freeze
// deterministic: at the very moment the runtime client asks for its next event, the main thread
// announces it (a marker line on stdout and on stderr, written synchronously, so every line the
// function printed before is already in the pipes) and then blocks in a synchronous read of the
// control channel (fd 3) until the service releases it for the next invocation. No JavaScript of
// the function can run while the main thread is blocked here; the service also SIGSTOPs the whole
// process group meanwhile, which stops the other threads (and any child processes) too.
//
// This is the earliest moment Lambda may freeze an environment ("when the runtime and each
// extension have completed and there are no pending events"), taken every time: the emulator's
// deterministic worst case. On Lambda the freeze may come a few milliseconds later, so a timer due
// right after the answer may fire there before the freeze and never here.
//
// The client asks in one of two ways, and both are wrapped:
//  - the native addon (rapid-client.node): `next()` starts the request on a worker thread and
//    returns a promise, so the main thread would otherwise keep running timers while waiting;
//  - Node's http (AWS_LAMBDA_NODEJS_USE_ALTERNATIVE_CLIENT_1=true): a GET of
//    /2018-06-01/runtime/invocation/next.
'use strict';
const fs = require('fs');
const { isMainThread } = require('worker_threads');

const NEXT_PATH = '/2018-06-01/runtime/invocation/next';
const nonce = process.env.LAMBDA_LOCAL_FREEZE_NONCE;
delete process.env.LAMBDA_LOCAL_FREEZE_NONCE;
const CONTROL_FD = 3;
// Asked for a report of what each freeze leaves pending (lambda/freeze-report.ts pendingEnv).
const pending = process.env.LAMBDA_LOCAL_PENDING && JSON.parse(process.env.LAMBDA_LOCAL_PENDING);
delete process.env.LAMBDA_LOCAL_PENDING;
const pendingAtAsk = pending && isMainThread && nonce ? require('./pending-hook.cjs')(pending.root, pending.runtime) : undefined;

function writeAll(fd, text) {
  const buf = Buffer.from(text);
  let off = 0;
  while (off < buf.length) {
    try {
      off += fs.writeSync(fd, buf, off, buf.length - off);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      pause(1);
    }
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function pause(ms) {
  Atomics.wait(sleeper, 0, 0, ms);
}

/** Announces "asking for the next event" and blocks until the service says go. */
function freeze() {
  // The moment of the ask on the system's monotonic clock (process.hrtime: CLOCK_MONOTONIC, the
  // same in every process), so the service can tell whether it came before a deadline however
  // late it reads the marker on a loaded machine.
  const marker = '\u001e' + nonce + ':' + process.hrtime.bigint() + '\u001e\n';
  // The pending report, a line of its own just before the marker on stdout (the service reads it first).
  const report = pendingAtAsk && pendingAtAsk();
  writeAll(1, (report ? '\u001e' + nonce + ':pending ' + report + '\u001e\n' : '') + marker);
  writeAll(2, marker);
  const one = Buffer.alloc(1);
  for (;;) {
    let n;
    try {
      n = fs.readSync(CONTROL_FD, one, 0, 1, null);
    } catch (e) {
      if (e.code === 'EAGAIN' || e.code === 'EINTR') {
        pause(1);
        continue;
      }
      throw e;
    }
    if (n === 0) process.exit(0); // the service went away: nothing more will come
    return;
  }
}

if (isMainThread && nonce) {
  const dlopen = process.dlopen;
  process.dlopen = function (module, filename) {
    const result = dlopen.apply(this, arguments);
    if (/rapid-client\.node$/.test(String(filename)) && module && module.exports && typeof module.exports.next === 'function') {
      const next = module.exports.next;
      module.exports.next = function () {
        freeze();
        return next.apply(this, arguments);
      };
    }
    return result;
  };

  const http = require('http');
  const request = http.request;
  http.request = function (options) {
    const path = typeof options === 'string' ? options : options && (options.path || options.pathname);
    if (typeof path === 'string' && path.endsWith(NEXT_PATH)) freeze();
    return request.apply(this, arguments);
  };
}

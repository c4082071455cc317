// Loaded by freeze-hook.cjs into the runtime process, only when the service is asked to report
// what a freeze leaves pending (lambda/freeze-report.ts): nothing of it runs otherwise. It tracks,
// with the explain observer's tracker (harness/explain-observer.cjs createTracker, async_hooks),
// the promises, timers, sockets and requests that the function's own code (files under the task
// root, not under node_modules) led to, and at each ask for the next event says which of those
// created since the previous ask are still pending.
//
// Tracking starts at the first ask, the end of the init phase: what init leaves open (a client,
// a pool) is not an invocation's work. Each ask after that reports and starts afresh, so an
// invocation's report names only what was created while it ran (from the thaw to the ask).
'use strict';
const { createTracker } = require('../../harness/explain-observer.cjs');

/**
 * `root`: the task root; `runtime`: the runtime client's folders. Returns the function
 * freeze-hook.cjs calls at each ask: undefined at the first (tracking starts
 * then), and afterwards the report as JSON text, {"promises":[...],"handles":[...]} (the
 * tracker's records: kind, frames, trigger, ref), or {"unavailable":"..."} where async_hooks is
 * not there.
 */
module.exports = function pendingAtAsk(root, runtime) {
  // The runtime client's own work (the callback posting the answer, its .then on the handler's
  // promise, its wait for the next event) is not the function's: its folders are foreign.
  const tracker = createTracker(root, runtime);
  let started = false;
  return function atAsk() {
    if (!started) {
      started = true;
      tracker.start();
      return undefined;
    }
    if (!tracker.hooks) return JSON.stringify({ unavailable: 'async_hooks could not be enabled in the runtime process' });
    const text = JSON.stringify({ promises: tracker.snapshot(true), handles: tracker.snapshot(false) });
    tracker.live.clear();
    return text;
  };
};

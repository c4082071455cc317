/*---
claim: "process.exit('SIGTERM') (a reason string instead of a code, as in a shutdown handler) exits with code 0 before Node 20, reporting success, and the 'exit' listeners receive the string; 19 adds a DEP0164 warning; from Node 20 process.exit() throws TypeError ERR_INVALID_ARG_TYPE and the process ends with code 1."
source: https://nodejs.org/api/deprecations.html#DEP0164
tags: [exit, exitCode, exit-codes, deprecation, shutdown]
why: A non-numeric string converts to exit code 0. Shutdown code that passes a signal name or a message to process.exit() therefore reported success for years, and started crashing in Node 20.
instead: Map reasons to numeric codes (for a signal, 128 + its number, e.g. 143 for SIGTERM) and log the reason.
changes:
  - {in: '19.0.0', what: 'a DEP0164 DeprecationWarning is printed for the coercion', link: 'https://github.com/nodejs/node/pull/44711'}
  - {in: '20.0.0', what: 'process.exit() throws ERR_INVALID_ARG_TYPE for a non-integer string', link: 'https://github.com/nodejs/node/pull/43716'}
---*/
process.on('exit', function (code) {
  console.log('exit listener got ' + JSON.stringify(code));
});

function shutdown(reason) {
  console.log('shutting down: ' + reason);
  process.exit(reason);
}
shutdown('SIGTERM');

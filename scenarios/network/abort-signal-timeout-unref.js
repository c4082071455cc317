/*---
claim: "AbortSignal.timeout() does not keep the process alive: with nothing else to do, the process exits at once and the signal never aborts."
source: https://nodejs.org/api/globals.html#static-method-abortsignaltimeoutdelay
tags: [abort, timers, handles, network]
node: '>=16.14'
why: "The timer behind AbortSignal.timeout() is unref'd, so that a pending timeout signal never holds a process open by itself. It is the operation the signal is passed to (a request, a socket) that keeps the process alive."
---*/
const signal = AbortSignal.timeout(200);
signal.addEventListener('abort', () => console.log(`aborted: ${signal.reason.name}`));
console.log('waiting for a 200 ms AbortSignal.timeout()');
process.on('exit', (code) => console.log(`exit with code ${code}; signal.aborted = ${signal.aborted}`));

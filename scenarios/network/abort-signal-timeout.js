/*---
claim: "http.get() with signal: AbortSignal.timeout(1000) against a server that never answers: from Node 17.3 (17.0-17.2 have no AbortSignal.timeout()) the request fails after the timeout with an AbortError (code ABORT_ERR) and the process exits; on Node 16 the signal aborts but the request, already sent, is left pending (still there 2 s after the abort)."
source: https://nodejs.org/api/http.html#httprequesturl-options-callback
tags: [http, network, abort, errors]
node: '>=16.14 <17 || >=17.3'
why: "The signal option destroys the request when the signal aborts. On 16.x the request stops listening to its signal as soon as the request itself has been written (its 'finish' event), so a timeout that fires while waiting for the response does nothing: the same code that times out on 17+ hangs on 16. Aborting before the request is sent works on both."
instead: "On Node 16, also destroy the request yourself: signal.addEventListener('abort', () => req.destroy(signal.reason))."
changes: [{ in: '17.3.0', what: "an aborted signal also destroys an http request that has already been sent (16.x stops listening to it at the request's 'finish'); arrived with 17.0.0's semver-major stream changes, but 17.3.0 (which added AbortSignal.timeout()) is the first 17.x this scenario can run on", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V17.md#17.3.0' }]
---*/
const http = require('http');

const server = http.createServer(() => {
  // never answers
});
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', () => {
  server.unref();
  // 1 s: the request is written long before the signal fires, even on a machine so loaded that
  // starting, connecting and writing take hundreds of milliseconds (with 100 ms, Node 16 under the
  // matrix's load sometimes aborted before the write, and behaved like 17.3).
  const req = http.get({ host: '127.0.0.1', port: server.address().port, signal: AbortSignal.timeout(1000) }, () => {
    console.log('got a response (unexpected)');
  });
  req.on('error', (err) => console.log(`request error: ${err.name}, code ${err.code}`));
  const guard = setTimeout(() => {
    if (req.destroyed) return;
    console.log('2 s after the abort the request is still pending; calling req.destroy()');
    req.destroy();
  }, 3000);
  guard.unref();
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

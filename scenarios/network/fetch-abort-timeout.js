/*---
claim: "fetch() with signal: AbortSignal.timeout(100) against a server that never answers rejects with a DOMException named TimeoutError (not AbortError), and the process then exits."
source: https://nodejs.org/api/globals.html#static-method-abortsignaltimeoutdelay
tags: [network, abort, errors, http]
node: '>=18'
why: "AbortSignal.timeout() aborts with a TimeoutError as its reason, and fetch() rejects with the signal's reason. Code that checks err.name === 'AbortError' to detect a timeout misses it."
---*/
const http = require('http');

const server = http.createServer(() => {
  // never answers
});
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', async () => {
  server.unref();
  try {
    await fetch(`http://127.0.0.1:${server.address().port}/`, { signal: AbortSignal.timeout(100) });
    console.log('got a response (unexpected)');
  } catch (err) {
    console.log(`fetch rejected: ${err.name} (${err.constructor.name}): ${err.message}`);
  }
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

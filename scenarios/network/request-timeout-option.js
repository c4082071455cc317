/*---
claim: "The timeout option of http.get() does not abort anything: against a server that never answers, the 'timeout' event fires and the request is still pending 1 s later, until req.destroy() ends it with ECONNRESET ('socket hang up')."
source: https://nodejs.org/api/http.html#event-timeout
tags: [http, network, errors]
why: "timeout only sets an idle timeout on the socket and emits 'timeout' when it passes; the documentation says the request must be aborted manually. Without a 'timeout' listener that destroys the request, a client waits for as long as the server keeps the connection."
instead: "req.on('timeout', () => req.destroy(new Error('timed out'))), or pass signal: AbortSignal.timeout(ms) (network/abort-signal-timeout)."
---*/
const http = require('http');

const server = http.createServer(() => {
  // never answers
});
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', () => {
  server.unref();
  const req = http.get({ host: '127.0.0.1', port: server.address().port, timeout: 100 });
  req.on('timeout', () => {
    console.log("'timeout' event");
    setTimeout(() => {
      console.log('1 s later the request is still pending; calling req.destroy()');
      req.destroy();
    }, 1000);
  });
  req.on('error', (err) => console.log(`request error: ${err.code} (${err.message})`));
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

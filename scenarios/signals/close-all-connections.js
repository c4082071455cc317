/*---
claim: "server.closeAllConnections() after server.close() also destroys a connection whose request is still waiting for its response: the client's request fails with ECONNRESET ('socket hang up') and the server closes at once."
source: https://nodejs.org/api/http.html#servercloseallconnections
tags: [http, shutdown, signals, errors]
node: '>=18.2'
why: "closeAllConnections() (18.2.0) destroys every connection of the server, busy or idle. The handler that never answered is simply cut off; the client sees the socket close before any response."
instead: "Give in-flight requests a grace period first (server.close(), then closeAllConnections() from a timer), as orchestrators give SIGTERM before SIGKILL."
---*/
const http = require('http');

const server = http.createServer((req, res) => {
  console.log('request arrived; the handler never answers');
  server.close(() => console.log('server closed'));
  server.closeAllConnections();
});

server.listen(0, '127.0.0.1', () => {
  const req = http.get({ host: '127.0.0.1', port: server.address().port }, () => {
    console.log('got a response (unexpected)');
  });
  req.on('error', (err) => console.log(`client request failed: ${err.code} (${err.message})`));
});

/*---
claim: "server.unref() does not unref the server's connections: after a request from the same process, the process still exits at once up to Node 18, but from Node 19 (keep-alive by default) the idle connection keeps it alive, still running 1 s later."
source: https://nodejs.org/api/net.html#serverunref
tags: [http, network, keep-alive, handles]
why: "unref() applies to the listening socket only; each accepted connection is a handle of its own, ref'd. Up to 18 the client asked for Connection: close, so the connection ended with the response. From 19 the client keeps it open, and the server side of it holds the process until keepAliveTimeout (5 s) passes."
instead: "Close the server with server.close() (which from 19 also closes idle connections) instead of relying on unref(), or unref the connections too."
changes: [{ in: '19.0.0', what: 'the global agent uses keep-alive, so the connection outlives the response', link: 'https://github.com/nodejs/node/pull/43522' }]
---*/
const http = require('http');

const connections = new Set();
const server = http.createServer((req, res) => res.end('ok'));
server.on('connection', (socket) => {
  connections.add(socket);
  socket.on('close', () => connections.delete(socket));
});
server.listen(0, '127.0.0.1', () => {
  server.unref();
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log('response read');
      // Fires only if something else still holds the process 1 s after the response.
      const guard = setTimeout(() => {
        console.log(`still alive 1 s later; destroying ${connections.size} server connection(s)`);
        for (const socket of connections) socket.destroy();
      }, 1000);
      guard.unref();
    });
  });
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

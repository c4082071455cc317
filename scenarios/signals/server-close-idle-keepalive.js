/*---
claim: "server.close() with an idle keep-alive connection open: up to Node 18 it waits for that connection (still open 1 s later, here until the client's agent is destroyed); from Node 19 it closes the idle connection itself and the 'close' callback runs at once."
source: https://nodejs.org/api/http.html#serverclosecallback
tags: [http, shutdown, keep-alive, signals]
why: "server.close() only stops accepting new connections; its callback waits until every existing connection has ended. A keep-alive client leaves its connection open and idle after the response, and before 19.0 the server kept it until keepAliveTimeout (5 s by default) or the client hung up. Node 19 made close() also close connections that are idle (not sending a request, not waiting for a response)."
instead: "On Node 18.2 up to 19, call server.closeIdleConnections() right after server.close() (see signals/close-idle-connections); before 18.2, track the sockets yourself and end the idle ones."
changes: [{ in: '19.0.0', what: 'server.close() closes idle connections before returning', link: 'https://github.com/nodejs/node/pull/43522' }]
---*/
const http = require('http');

// keepAliveTimeout is set far beyond the 1 s guard, so only close() itself can end the connection.
const server = http.createServer({ keepAliveTimeout: 60000 }, (req, res) => res.end('ok'));
server.keepAliveTimeout = 60000;
const agent = new http.Agent({ keepAlive: true });

server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port, agent }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log('response received; the keep-alive connection is idle');
      const guard = setTimeout(() => {
        console.log('1 s later the server is still not closed; destroying the client agent');
        agent.destroy();
      }, 1000);
      server.close(() => {
        clearTimeout(guard);
        console.log('server closed');
      });
    });
  });
});

/*---
claim: "server.closeIdleConnections() right after server.close() ends an idle keep-alive connection, so the 'close' callback runs at once, on Node 18 as on later versions."
source: https://nodejs.org/api/http.html#servercloseidleconnections
tags: [http, shutdown, keep-alive, signals]
node: '>=18.2'
why: "closeIdleConnections() (added in 18.2.0) destroys the connections that are neither sending a request nor waiting for a response. From 19.0 server.close() does this itself; calling it again does no harm and keeps 18.x correct."
instead: "Call it after server.close(), not before, so that no new connection slips in between."
---*/
const http = require('http');

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
      server.closeIdleConnections();
    });
  });
});

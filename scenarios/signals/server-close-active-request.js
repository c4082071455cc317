/*---
claim: "server.close() called while a request is being handled lets that request finish (the client receives the whole response, marked keep-alive), but then leaves the connection open: on every version, 19+ included, the server is still not closed 1 s later, until the client lets go."
source: https://nodejs.org/api/http.html#serverclosecallback
tags: [http, shutdown, keep-alive, signals]
why: "close() stops the listening socket and (from 19.0) closes the connections that are idle at that moment. A connection waiting for its response is not idle, so it is left alone; its response still says keep-alive, and once it is sent the connection simply idles, with nothing left to close it but keepAliveTimeout or the client."
instead: "While shutting down, answer with res.setHeader('Connection', 'close'), or call server.closeIdleConnections() again after the in-flight responses finish, or closeAllConnections() after a grace period."
---*/
const http = require('http');

const agent = new http.Agent({ keepAlive: true });
let guard;
const server = http.createServer({ keepAliveTimeout: 60000 }, (req, res) => {
  console.log('request arrived; calling server.close() before answering');
  server.close(() => {
    clearTimeout(guard);
    console.log('server closed');
  });
  setImmediate(() => res.end('the whole response'));
});
server.keepAliveTimeout = 60000;

server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port, agent }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log(`client received ${JSON.stringify(body)} (connection: ${res.headers.connection})`);
      guard = setTimeout(() => {
        console.log('1 s later the server is still not closed; destroying the client agent');
        agent.destroy();
      }, 1000);
    });
  });
});

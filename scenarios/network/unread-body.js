/*---
claim: "A response whose body is never read keeps the process alive from Node 19 on (the default agent now keeps the connection, and the unread response holds it); up to Node 18 the process exits at once."
source: https://nodejs.org/api/http.html#class-httpclientrequest
tags: [http, network, keep-alive, handles]
why: "Node's docs warn that the response data must be consumed. Up to 18 the default agent asked for Connection: close, so the server closed the socket after the response and nothing was left. From 19 the connection is kept alive, and a socket still serving an unfinished response is busy and ref'd: the process waits until the server's keepAliveTimeout (5 s by default) closes the connection."
instead: "Always consume or discard the body: res.resume() (or res.destroy() if you do not want it)."
changes: [{ in: '19.0.0', what: 'the global agent uses keep-alive, so an unread response now holds an open connection', link: 'https://github.com/nodejs/node/pull/43522' }]
---*/
const http = require('http');

const server = http.createServer((req, res) => res.end('ok'));
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', () => {
  server.unref();
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    console.log(`response ${res.statusCode}; its body is never read`);
    const guard = setTimeout(() => {
      console.log('still alive 1 s later; destroying the response');
      res.destroy();
    }, 1000);
    guard.unref();
  });
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

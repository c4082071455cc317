/*---
claim: "A keep-alive agent does not keep the process alive: once the response has been read, the process exits at once, with the connection still open and idle in the agent's pool."
source: https://nodejs.org/api/http.html#new-agentoptions
tags: [http, network, keep-alive, handles]
why: "When a response ends, a keep-alive agent puts its socket in the free pool and unrefs it, so an idle pooled connection is not work for the event loop. It is ref'd again when a request reuses it."
---*/
const http = require('http');

const agent = new http.Agent({ keepAlive: true });
const server = http.createServer((req, res) => res.end('ok'));
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', () => {
  server.unref();
  http.get({ host: '127.0.0.1', port: server.address().port, agent }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log('response read');
      // Fires only if something else still holds the process 1 s after the response.
      setTimeout(() => console.log('still alive 1 s later'), 1000).unref();
    });
  });
});
process.on('exit', (code) => {
  const idle = Object.keys(agent.freeSockets).reduce((n, key) => n + agent.freeSockets[key].length, 0);
  console.log(`exit with code ${code}; idle sockets in the agent's pool: ${idle}`);
});

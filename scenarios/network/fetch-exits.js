/*---
claim: "fetch() keeps its connection alive but not the process: once the body has been read, the process exits at once."
source: https://nodejs.org/api/globals.html#fetch
tags: [network, keep-alive, handles, http]
node: '>=18'
why: "fetch() is undici's, with its own connection pool (keep-alive by default, separate from http.globalAgent). An idle pooled connection is unref'd, so it does not hold the process open."
---*/
const http = require('http');

const server = http.createServer((req, res) => {
  console.log(`server saw Connection: ${req.headers.connection}`);
  res.end('ok');
});
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', async () => {
  server.unref();
  const res = await fetch(`http://127.0.0.1:${server.address().port}/`);
  console.log(`body: ${await res.text()}`);
  // Fires only if something else still holds the process 1 s after the body was read.
  setTimeout(() => console.log('still alive 1 s later'), 1000).unref();
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

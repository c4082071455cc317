/*---
claim: "A fetch() response whose large body (8 MiB) is never read keeps the process alive: still running 1 s later, until the request is aborted."
source: https://undici.nodejs.org/#/?id=garbage-collection
tags: [network, handles, http, keep-alive]
node: '>=18'
why: "undici reads a response body only as fast as it is consumed. An unread body stops the connection in the middle of the response, and a connection in use is ref'd, so the process waits for a body nobody will read (a tiny body, read in one go, does not hold it: it is already complete)."
instead: "Read the body, or release it: abort the request's AbortController (as here) or cancel the body (await res.body.cancel())."
---*/
const http = require('http');

const server = http.createServer((req, res) => res.end('z'.repeat(8 * 1024 * 1024)));
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', async () => {
  server.unref();
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${server.address().port}/`, { signal: controller.signal });
  console.log(`response ${res.status}; its body is never read`);
  const guard = setTimeout(() => {
    console.log('still alive 1 s later; aborting the request');
    controller.abort();
  }, 1000);
  guard.unref();
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

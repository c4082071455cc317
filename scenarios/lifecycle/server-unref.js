/*---
claim: The same server, unref'd after it starts listening, no longer keeps the process alive; the process exits with code 0 while the await on its 'close' event is still pending, and the timer that would close it never fires.
source: https://nodejs.org/api/net.html#serverunref
tags: [event-loop, promise, handles, http]
why: unref() tells the loop not to count the server's handle when deciding whether to keep running. With the server and the timer both unref'd, no ref'd handle is left, so Node exits although the server is still listening and a Promise is still awaited.
instead: Leave servers ref'd while your program depends on them; use unref() only for helpers that must not keep the process alive on their own.
links: [https://nodejs.org/api/net.html#serverunref]
explains: {natural-end-pending-promise: 4, natural-end-unref-server: 1, hang-server: 2}
---*/
const http = require('http');

process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

(async function main() {
  const server = http.createServer((req, res) => res.end());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log('listening');
  server.unref();
  const closed = new Promise((resolve) => server.on('close', resolve));
  setTimeout(() => {
    console.log('closing the server');
    server.close();
  }, 50).unref();
  await closed;
  console.log('server closed, the await is over');
})();

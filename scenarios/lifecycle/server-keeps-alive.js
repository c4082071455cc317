/*---
claim: A listening server keeps the process alive while an async function awaits its 'close' event, even though the only timer that will close it is unref'd; the await completes only because of the server's handle.
source: https://nodejs.org/api/net.html#serverref (contrast with seeds/001_99d9f25adfe44947.txt)
tags: [event-loop, promise, handles, http]
why: A listening socket is a ref'd handle, so the loop keeps running while the server listens. The timer that closes it has been unref'd and would not keep the process alive on its own (see lifecycle/unref-timer); it gets to fire only because the server is still holding the loop open. Once the server closes, nothing is left and Node exits after the async function finishes.
links: [https://nodejs.org/api/net.html#serverunref, https://nodejs.org/api/timers.html#timeoutunref]
explains: {hang-server: 1}
---*/
const http = require('http');

process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

(async function main() {
  const server = http.createServer((req, res) => res.end());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  console.log('listening');
  const closed = new Promise((resolve) => server.on('close', resolve));
  setTimeout(() => {
    console.log('closing the server');
    server.close();
  }, 50).unref();
  await closed;
  console.log('server closed, the await is over');
})();

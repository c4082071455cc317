/*---
claim: "After a fetch() to a server in the same process, server.close() waits for fetch's idle keep-alive connection on Node 18 (still open 1 s later; the scenario runs from 18.2, which added server.closeAllConnections()), and completes at once from Node 19."
source: https://nodejs.org/api/http.html#serverclosecallback
tags: [network, http, keep-alive, shutdown]
node: '>=18.2'
why: "fetch() always keeps its connection alive, so the server side of it stays open after the response. Node 18's server.close() waits for such idle connections (until keepAliveTimeout, or undici closing its side after about 4 s): the classic test suite that takes seconds to exit. Node 19's close() ends idle connections itself."
instead: "On Node 18 call server.closeIdleConnections() (or closeAllConnections()) right after server.close()."
changes: [{ in: '19.0.0', what: 'server.close() closes idle connections before returning', link: 'https://github.com/nodejs/node/pull/43522' }, { in: '18.13.0', what: 'fetch() no longer prints an ExperimentalWarning (backport of the 19.1.0 change)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V18.md#18.13.0' }, { in: '19.1.0', what: 'fetch() no longer prints an ExperimentalWarning', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V19.md#19.1.0' }]
---*/
const http = require('http');

const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', async () => {
  const res = await fetch(`http://127.0.0.1:${server.address().port}/`);
  console.log(`body: ${await res.text()}`);
  const guard = setTimeout(() => {
    console.log('1 s later the server is still not closed; closing all its connections');
    server.closeAllConnections();
  }, 1000);
  server.close(() => {
    clearTimeout(guard);
    console.log('server closed');
  });
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

/*---
claim: "http.get() with no agent option asks for 'Connection: close' up to Node 18 and for 'Connection: keep-alive' from Node 19: http.globalAgent.keepAlive went from false to true."
source: https://nodejs.org/api/http.html#httpglobalagent
tags: [http, network, keep-alive]
why: "Node 19 turned keep-alive on in the global agents of http and https, so connections made without an explicit agent are now kept open and reused. The client side still lets the process exit (an idle pooled socket is unref'd), but a server in the same process now holds a connection open after each response; see network/server-unref-connection."
changes: [{ in: '19.0.0', what: 'http.globalAgent and https.globalAgent use keep-alive by default', link: 'https://github.com/nodejs/node/pull/43522' }]
---*/
const http = require('http');

const server = http.createServer((req, res) => {
  console.log(`server saw Connection: ${req.headers.connection}`);
  res.end('ok');
});
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', () => {
  server.unref();
  console.log(`http.globalAgent.keepAlive = ${http.globalAgent.keepAlive}`);
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    res.resume();
    res.on('end', () => console.log(`response ended (Connection: ${res.headers.connection})`));
  });
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

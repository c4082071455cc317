/*---
claim: "Before Node 18 (from 16.15 and 17.5), fetch() exists only behind --experimental-fetch and its first use prints an ExperimentalWarning (on 17.x a second one, for buffer.Blob); it then reads a local response and lets the process exit, as it does by default from 18."
source: https://nodejs.org/docs/latest-v17.x/api/globals.html#fetch
links: [https://github.com/nodejs/node/pull/41749]
changes: [{ never: '17', what: "a second ExperimentalWarning, for buffer.Blob, until Blob left experimental status (18.0.0, backported to 16.17.0; 16.15 and 16.16 print it too)", link: 'https://github.com/nodejs/node/pull/41270' }]
tags: [network, http, warnings]
node: '>=16.15 <17 || >=17.5 <18'
flags: [--experimental-fetch]
why: "fetch() arrived in 17.5.0 (and 16.15.0) as an experimental global behind a flag, and was enabled by default in 18.0.0 (network/fetch-exits). Without the flag these versions have no global fetch at all."
---*/
const http = require('http');

const server = http.createServer((req, res) => res.end('ok'));
// The server's own handles are unref'd: only the client decides whether the process stays.
server.on('connection', (socket) => socket.unref());
server.listen(0, '127.0.0.1', async () => {
  server.unref();
  const res = await fetch(`http://127.0.0.1:${server.address().port}/`);
  console.log(`body: ${await res.text()}`);
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

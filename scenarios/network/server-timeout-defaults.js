/*---
claim: "An HTTP server's default timeouts differ by version: Node 12 drops a connection idle for 2 minutes (server.timeout 120000), Node 13 and later never do (0); requestTimeout exists from 14.11 and defaults to 5 minutes from 18; keepAliveTimeout is 5 s everywhere; headersTimeout is 40 s before 12.17 and on 13.0-13.4, 60 s from 12.17 and 13.5."
source: https://nodejs.org/api/http.html#servertimeout
tags: [http, network, keep-alive]
why: "These defaults decide how long a request that the handler never answers can hold a connection (and with it a process that waits for server.close()): on 13 and later nothing ends it by default, since requestTimeout only limits how long receiving the request may take."
instead: "Set server.requestTimeout / server.timeout (or a per-request timer that answers 503) yourself instead of relying on the defaults."
changes: [{ in: '12.17.0', what: 'server.headersTimeout default changed from 40 s to 60 s', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V12.md#12.17.0' }, { in: '13.0.0', what: 'server.timeout default changed from 120 s to 0 (no timeout); headersTimeout is still 40 s on 13.0-13.4 (the 60 s default came to 13.x later)', link: 'https://github.com/nodejs/node/pull/27558' }, { in: '13.5.0', what: 'server.headersTimeout default changed from 40 s to 60 s', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V13.md#13.5.0' }, { in: '14.11.0', what: 'server.requestTimeout added (default 0)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V14.md#14.11.0' }, { in: '18.0.0', what: 'server.requestTimeout default changed from 0 to 300 s', link: 'https://github.com/nodejs/node/pull/41263' }]
---*/
const http = require('http');

const server = http.createServer();
console.log(`server.timeout = ${server.timeout}`);
console.log(`server.requestTimeout = ${server.requestTimeout}`);
console.log(`server.headersTimeout = ${server.headersTimeout}`);
console.log(`server.keepAliveTimeout = ${server.keepAliveTimeout}`);

/*---
claim: An async handler that uses a pg Pool answers as soon as its promise resolves, although the pool keeps an idle connection (a socket and an idle timer) open; the next invocation reuses that connection in the same environment. callbackWaitsForEmptyEventLoop plays no part.
source: seeds/000_c4cf722c2d65d74d.txt (context.callbackWaitsForEmptyEventLoop); https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
tags: [lambda, article, handles, promise]
why: For an async handler the runtime client sends the value the promise resolves to as soon as it resolves; it never waits for the event loop to empty, so open sockets and timers do not delay the answer. They are frozen with the environment and carry on in the next invocation.
instead: Prefer async handlers; keep the pool at module scope so warm invocations reuse its connections.
---*/
'use strict';
const { Pool } = require('pg');

const pool = new Pool({ max: 2 }); // idleTimeoutMillis defaults to 10 s: the idle client keeps a timer too

exports.handler = async (event) => {
  const r = await pool.query('SELECT $1::text AS echo, pg_backend_pid() AS backend', [event.say || 'hello']);
  console.log('answer ready: ' + r.rows[0].echo);
  return { statusCode: 200, body: r.rows[0].echo, backend: r.rows[0].backend, idle: pool.idleCount };
};

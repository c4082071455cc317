/*---
claim: An async handler that uses a pg Pool answers as soon as its promise resolves, although the pool keeps an idle connection (a socket and an idle timer) open; the next invocation reuses that connection in the same environment if it comes before the pool's idle timeout has passed. After a longer idle time the idle timer, due while the environment was frozen, fires when it thaws and closes the connection before the handler runs, so the handler connects anew. callbackWaitsForEmptyEventLoop plays no part.
source: seeds/000_c4cf722c2d65d74d.txt (context.callbackWaitsForEmptyEventLoop); https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
tags: [lambda, article, handles, promise]
why: 'For an async handler the runtime client sends the value the promise resolves to as soon as it resolves; it never waits for the event loop to empty, so open sockets and timers do not delay the answer. They are frozen with the environment and carry on in the next invocation. The wall clock does not stop meanwhile: the idle timer (idleTimeoutMillis, 10 s by default) counts the frozen time too, so whether a warm invocation finds the connection open depends on the traffic, not on the code.'
instead: Prefer async handlers; keep the pool at module scope so warm invocations reuse its connections.
---*/
'use strict';
const { Pool } = require('pg');

// idleTimeoutMillis defaults to 10 s: the idle client keeps a timer too. PG_IDLE_MS sets it (the spec
// uses a long one to show reuse and a short one to show the close on thaw).
const pool = new Pool({ max: 2, ...(process.env.PG_IDLE_MS ? { idleTimeoutMillis: Number(process.env.PG_IDLE_MS) } : {}) });

exports.handler = async (event) => {
  const r = await pool.query('SELECT $1::text AS echo, pg_backend_pid() AS backend', [event.say || 'hello']);
  console.log('answer ready: ' + r.rows[0].echo);
  return { statusCode: 200, body: r.rows[0].echo, backend: r.rows[0].backend, idle: pool.idleCount };
};

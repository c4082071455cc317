/*---
claim: A callback-style handler that keeps a real PostgreSQL connection open (a pg Client, connected and not ended) calls callback(null, answer), but with the default callbackWaitsForEmptyEventLoop = true the runtime waits for the event loop to empty before sending it, the open socket never lets it empty, and the invocation ends with "Task timed out".
source: seeds/000_c4cf722c2d65d74d.txt (context.callbackWaitsForEmptyEventLoop); https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
tags: [lambda, article, handles, event-loop]
why: For a callback-style handler the runtime client does not send the answer when callback is called; it waits for Node's `beforeExit`, which only comes once nothing keeps the event loop alive. A connected database client is a socket, an active handle, so `beforeExit` never comes and the answer that is ready is never sent. Lambda ends the invocation at the function's timeout and discards the environment.
instead: Return the answer from an async handler (async handlers never wait for the event loop), or set `context.callbackWaitsForEmptyEventLoop = false` before calling callback and keep the connection for the next invocation.
---*/
'use strict';
const { Client } = require('pg');

// One connection per execution environment, reused by later invocations: the usual Lambda shape.
let client;
function connection() {
  if (!client) {
    client = new Client(); // PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE from the environment
    client.connectPromise = client.connect();
  }
  return client.connectPromise.then(() => client);
}

exports.handler = function (event, context, callback) {
  connection()
    .then((c) => c.query('SELECT $1::text AS echo', [event.say || 'hello']))
    .then((r) => {
      console.log('answer ready: ' + r.rows[0].echo);
      callback(null, { statusCode: 200, body: r.rows[0].echo });
    })
    .catch((err) => callback(err));
};

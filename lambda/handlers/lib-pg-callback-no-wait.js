/*---
claim: The same callback-style handler with an open PostgreSQL connection answers at once when it sets context.callbackWaitsForEmptyEventLoop = false, and the next invocation reuses the connection in the same (warm) environment.
source: seeds/000_c4cf722c2d65d74d.txt (context.callbackWaitsForEmptyEventLoop); https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
tags: [lambda, article, handles, event-loop]
why: With callbackWaitsForEmptyEventLoop = false the runtime client sends the answer as soon as callback is called and asks for the next event; Lambda then freezes the environment with the socket still open. The connection survives the freeze and serves the next invocation.
instead: This is the usual fix for database connections kept between invocations; remember that whatever else is still pending when callback is called is frozen too and resumes in a later invocation, or never.
---*/
'use strict';
const { Client } = require('pg');

let client;
function connection() {
  if (!client) {
    client = new Client();
    client.connectPromise = client.connect();
  }
  return client.connectPromise.then(() => client);
}

exports.handler = function (event, context, callback) {
  context.callbackWaitsForEmptyEventLoop = false;
  connection()
    .then((c) => c.query('SELECT $1::text AS echo, pg_backend_pid() AS backend', [event.say || 'hello']))
    .then((r) => {
      console.log('answer ready: ' + r.rows[0].echo);
      callback(null, { statusCode: 200, body: r.rows[0].echo, backend: r.rows[0].backend });
    })
    .catch((err) => callback(err));
};

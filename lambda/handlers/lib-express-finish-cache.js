/*---
claim: An express app behind serverless-http that writes its idempotency cache (request id -> response) into PostgreSQL from res.on('finish') answers request A before A's row is in the database; the write lands only while the next request B runs.
source: seeds/000_c4cf722c2d65d74d.txt (response cache)
tags: [lambda, article, events, promise]
why: The `finish` listener starts the write, but the write needs more turns of the event loop (the database round trips) after the answer has been sent. The runtime asks for the next event right after the answer and Lambda freezes the environment, so the write stays pending through the freeze and resumes when request B thaws the environment. Between A and B the cache has no entry for A: a retry of A in that window runs the work again.
instead: Write the cache before answering (await the write, then send the response), or have the handler wait for the write before it returns.
---*/
'use strict';
const express = require('express');
const serverless = require('serverless-http');
const { Pool } = require('pg');

const pool = new Pool({ max: 2 });
const app = express();
app.use(express.json());

app.post('/orders', async (req, res, next) => {
  try {
    const key = req.get('x-request-id');
    const hit = await pool.query('SELECT response FROM idempotency WHERE key = $1', [key]);
    if (hit.rows.length) {
      res.status(200).json(JSON.parse(hit.rows[0].response));
      return;
    }
    const response = { order: key, item: req.body.item, status: 'created' };
    res.on('finish', () => {
      // The article's cache write: after the response has been sent.
      pool
        .query('INSERT INTO idempotency (key, response) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(response)])
        .then(() => console.log('cached ' + key))
        .catch((err) => console.log('cache write failed: ' + err.message));
    });
    res.status(201).json(response);
  } catch (err) {
    next(err);
  }
});

const handle = serverless(app);

exports.handler = async (event, context) => {
  // As in the article. serverless-http returns an async handler, and async handlers never wait
  // for the event loop, so this line changes nothing here; it is kept to show the article's setup.
  context.callbackWaitsForEmptyEventLoop = false;
  return handle(event, context);
};

// Shared by the lib-express-* handlers: an express app with an idempotency cache in PostgreSQL.
// POST /orders with header x-request-id: a request id seen before gets the cached response
// (200); a new one is "processed" (201) and its response cached under its id.
'use strict';
const express = require('express');
const { Pool } = require('pg');

// One connection is enough for one request at a time, the usual Lambda advice. It also orders
// the work: a request's queries wait until earlier queries have released the connection.
const pool = new Pool({ max: 1 });

/** The cache write as one statement on the pooled connection. */
function writeOnce(key, response) {
  return pool.query('INSERT INTO idempotency (key, response) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(response)]);
}

/** The cache write in a transaction (the cache row and an audit row stored together). */
async function writeInTransaction(key, response) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('INSERT INTO idempotency (key, response) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, JSON.stringify(response)]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/**
 * mode 'finish': write from res.on('finish'), after the response (the article).
 * mode 'before': await the write, then respond (the fix).
 */
function makeApp(write, mode) {
  const app = express();
  app.use(express.json());
  app.post('/orders', async (req, res, next) => {
    try {
      const key = req.get('x-request-id');
      const hit = await pool.query('SELECT response FROM idempotency WHERE key = $1', [key]);
      if (hit.rows.length) {
        console.log('replayed ' + key);
        res.status(200).json(JSON.parse(hit.rows[0].response));
        return;
      }
      const response = { order: key, item: req.body.item, status: 'created' };
      if (mode === 'finish') {
        res.on('finish', () => {
          console.log('finish ' + key);
          write(key, response).then(
            () => console.log('cached ' + key),
            (err) => console.log('cache write failed for ' + key + ': ' + err.message),
          );
        });
      } else {
        await write(key, response);
        console.log('cached ' + key);
      }
      res.status(201).json(response);
    } catch (err) {
      next(err);
    }
  });
  return app;
}

module.exports = { makeApp, writeOnce, writeInTransaction };

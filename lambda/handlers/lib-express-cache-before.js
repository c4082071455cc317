/*---
claim: The fix, the same express app awaits the idempotency-cache write (the same transaction) before it responds, so request A's row is in PostgreSQL when A's answer arrives.
source: seeds/000_c4cf722c2d65d74d.txt (response cache)
tags: [lambda, article, events, promise]
why: The response is sent only after COMMIT has been acknowledged, so by the time the runtime client sends the answer and Lambda freezes the environment, the write is complete.
instead: This is the safe pattern.
---*/
'use strict';
const serverless = require('serverless-http');
const { makeApp, writeInTransaction } = require('./_express-orders.js');

const handle = serverless(makeApp(writeInTransaction, 'before'));

exports.handler = async (event, context) => {
  context.callbackWaitsForEmptyEventLoop = false;
  return handle(event, context);
};

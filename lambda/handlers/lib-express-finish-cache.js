/*---
claim: With express 5 behind serverless-http 4, res.on('finish') fires before the handler's answer leaves, so an idempotency-cache write that goes out at once (one INSERT on an idle pooled pg connection) reaches PostgreSQL with request A's answer; only the write's completion (its `.then`) waits for the next invocation.
source: seeds/000_c4cf722c2d65d74d.txt (response cache)
tags: [lambda, article, events, promise]
why: serverless-http gives express a fake socket whose writes complete synchronously, so `finish` is emitted inside `res.json()`, before serverless-http's promise resolves. The listener's query is written to the idle connection's socket right then (pg sends it in a process.nextTick), before the runtime client sends the answer; PostgreSQL commits it while the environment is frozen. Reading the reply needs another turn of the event loop, which only comes when the next invocation thaws the environment, so "cached A" is logged during B. The article's "one beat late" needs a write that has to wait for I/O before it is sent (see lib-express-finish-cache-tx).
instead: Do not rely on it; await the write before responding (lib-express-cache-before).
---*/
'use strict';
const serverless = require('serverless-http');
const { makeApp, writeOnce } = require('./_express-orders.js');

const handle = serverless(makeApp(writeOnce, 'finish'));

exports.handler = async (event, context) => {
  // As in the article. serverless-http returns an async handler and async handlers never wait
  // for the event loop, so this line changes nothing; it stays to show the article's setup.
  context.callbackWaitsForEmptyEventLoop = false;
  return handle(event, context);
};

/*---
claim: 'An express app behind serverless-http that writes its idempotency cache from res.on(''finish'') in a transaction (BEGIN, INSERT, COMMIT on a pooled pg connection) answers request A while A''s row is not yet in the database; the write is committed only while the next request B runs (with the freeze at the earliest moment, as the emulator does every time: Lambda''s worst case).'
source: seeds/000_c4cf722c2d65d74d.txt (response cache)
tags: [lambda, article, events, promise]
why: The `finish` listener starts the write, but each statement waits for the previous one's reply, which needs another turn of the event loop. The runtime client sends the answer and asks for the next event; Lambda freezes the environment with the transaction open. Only when request B thaws the environment does the write go on (INSERT, then COMMIT). Between A and B the cache has no entry for A, so a retry of A in that window would run the work again.
instead: Await the write before responding (lib-express-cache-before), or keep the handler from answering until the write is done.
---*/
'use strict';
const serverless = require('serverless-http');
const { makeApp, writeInTransaction } = require('./_express-orders.js');

const handle = serverless(makeApp(writeInTransaction, 'finish'));

exports.handler = async (event, context) => {
  context.callbackWaitsForEmptyEventLoop = false; // as in the article
  return handle(event, context);
};

// serverless-http itself does not touch callbackWaitsForEmptyEventLoop (version 4 has no option
// for it) and returns an async handler, for which the runtime never waits on the event loop: the
// write lands just as late with the default (true).
exports.plainHandler = handle;

/*---
claim: The SDK's own Lambda wrapper (Sentry.wrapHandler from @sentry/aws-serverless) captures the handler's error and flushes before the answer leaves, so the event arrives during the invocation, for an async handler and for a callback-style one alike.
source: seeds/000_c4cf722c2d65d74d.txt (sentry 전송 실패); https://docs.sentry.io/platforms/javascript/guides/aws-lambda/
tags: [lambda, article, promise]
why: wrapHandler returns an async (event, context) function. It turns a callback-style handler into a promise, awaits it, captures what it throws, and awaits `flush` in its own `finally` before its promise settles; the runtime client sends the answer only then. Because the wrapper is an async two-argument function, runtimes that reject callback-style handlers accept it.
instead: Use the wrapper (or flush before answering by hand).
---*/
'use strict';
const Sentry = require('@sentry/aws-serverless');

Sentry.init({ dsn: process.env.SENTRY_DSN });

exports.handler = Sentry.wrapHandler(async (event) => {
  throw new Error(event.marker);
});

// The article's callback form, wrapped.
exports.callbackHandler = Sentry.wrapHandler((event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  callback(new Error(event.marker));
});

/*---
claim: The article's fix, flushing before answering (`await Sentry.flush(2000)` in catch, then callback), delivers the event during the invocation even with callbackWaitsForEmptyEventLoop = false.
source: seeds/000_c4cf722c2d65d74d.txt (sentry 전송 실패)
tags: [lambda, article, promise, try-catch]
why: The answer is sent only after `flush` has resolved, that is after the SDK's HTTP request to Sentry has had its reply, so the event is at Sentry before the environment is frozen.
instead: This is the safe pattern for callback-style answers.
---*/
'use strict';
const Sentry = require('@sentry/node');

Sentry.init({ dsn: process.env.SENTRY_DSN });

function handle(event) {
  throw new Error(event.marker);
}

exports.handler = async (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  try {
    const resp = handle(event);
    await Sentry.flush(2000);
    callback(null, resp);
  } catch (error) {
    Sentry.captureException(error);
    const sent = await Sentry.flush(2000);
    console.log('flushed ' + event.marker + ': ' + sent);
    callback(error);
  }
};

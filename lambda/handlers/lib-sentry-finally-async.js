/*---
claim: The article's own code in an async handler that returns or throws (try / catch with Sentry.captureException and throw / finally with `await Sentry.flush(2000)`, real @sentry/node SDK) delivers the event during the invocation, because the async function's promise settles only after `finally` has finished.
source: seeds/000_c4cf722c2d65d74d.txt (sentry 전송 실패, 간단한 예제)
tags: [lambda, article, promise, try-catch]
why: In an async function, `return` or `throw` inside `try` does not settle the promise until `finally` has run to the end, awaits included. The runtime client sends the answer when the promise settles, so the flush (and the HTTP request it waits for) is complete before the environment is frozen. The code fails only when the answer leaves some other way first, as with callback and callbackWaitsForEmptyEventLoop = false.
instead: This form is safe; keep the answer on the promise (return or throw) rather than a callback.
---*/
'use strict';
const Sentry = require('@sentry/node');

Sentry.init({ dsn: process.env.SENTRY_DSN });

function handle(event) {
  throw new Error(event.marker);
}

exports.handler = async (event) => {
  try {
    return handle(event);
  } catch (error) {
    Sentry.captureException(error);
    throw error;
  } finally {
    const sent = await Sentry.flush(2000);
    console.log('flushed ' + event.marker + ': ' + sent);
  }
};

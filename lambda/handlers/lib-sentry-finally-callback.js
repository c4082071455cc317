/*---
claim: With callbackWaitsForEmptyEventLoop = false and the answer sent through callback, `await Sentry.flush(2000)` in `finally` (the real @sentry/node SDK) does not deliver the captured error during the invocation; the rest of the `finally` runs in the next invocation, and that is when the event arrives.
source: seeds/000_c4cf722c2d65d74d.txt (sentry 전송 실패, 문제 상황)
tags: [lambda, article, promise, try-catch]
why: callback sends the answer at once and the runtime asks for the next event; Lambda freezes the environment right then. The SDK sends events over HTTP, which needs more turns of the event loop, and `flush` waits on timers and on that request; none of it can run while the environment is frozen. It all resumes when the next invocation thaws the environment, so the event arrives during the next invocation (or never, if there is no next one before the environment is discarded).
instead: Flush before answering (`await Sentry.flush(2000)` in try and in catch, before callback or return), return from an async handler so `finally` completes before the answer, or use the SDK's own wrapper (`Sentry.wrapHandler` from @sentry/aws-serverless).
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
    callback(null, handle(event));
  } catch (error) {
    Sentry.captureException(error);
    console.log('captured ' + event.marker);
    callback(error);
  } finally {
    const sent = await Sentry.flush(2000);
    console.log('flushed ' + event.marker + ': ' + sent);
  }
};

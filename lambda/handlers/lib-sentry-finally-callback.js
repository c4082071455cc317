/*---
claim: 'With callbackWaitsForEmptyEventLoop = false and the answer sent through callback, `await Sentry.flush(2000)` in `finally` (the real @sentry/node SDK) does not deliver the error captured in a fresh environment during that invocation; the event goes out, and the flush completes, during the next invocation. Once the SDK has a connection open, the next event is written with the answer, before the freeze: it reaches Sentry although the environment is frozen from the end of that invocation on and no further invocation comes.'
source: seeds/000_c4cf722c2d65d74d.txt (sentry 전송 실패, 문제 상황)
tags: [lambda, article, promise, try-catch]
why: callback sends the answer at once and the runtime asks for the next event; Lambda freezes the environment right then (the emulator at that earliest moment every time, Lambda's worst case). The SDK sends each event over HTTP as soon as it has processed it, and `flush` only waits (on 1 ms timers, then on the request). In a fresh environment the SDK must first open a connection to Sentry, which takes more turns of the event loop than the runtime needs to answer and ask, so the event is frozen before it leaves and goes out when the next invocation thaws the environment (if there is no next invocation before the environment is discarded, never). With a kept-alive connection the request is written within the same turn as the answer, before the freeze; whether the flush itself also completes before the freeze is a race (the runtime asks for its next event one loop turn after the answer, and Sentry's reply may or may not be read within that turn), so code must not count on it.
instead: Flush before answering (`await Sentry.flush(2000)` in try and in catch, before callback or return), return from an async handler so `finally` completes before the answer, or use the SDK's own wrapper (`Sentry.wrapHandler` from @sentry/aws-serverless).
---*/
'use strict';
const Sentry = require('@sentry/node');

Sentry.init({ dsn: process.env.SENTRY_DSN });

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The request's work: `workMs` of waiting (a stand-in for I/O), then it fails.
async function handle(event) {
  if (event.workMs) await delay(event.workMs);
  throw new Error(event.marker);
}

exports.handler = async (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  try {
    callback(null, await handle(event));
  } catch (error) {
    Sentry.captureException(error);
    console.log('captured ' + event.marker);
    callback(error);
  } finally {
    const sent = await Sentry.flush(2000);
    console.log('flushed ' + event.marker + ': ' + sent);
  }
};

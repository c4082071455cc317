/*---
claim: 'The article''s second handler sets `context.callbackWaitsForEmptyEventLoop = false` and calls `callback(null, answer)` in `try`; the answer is sent at once and the runtime asks for its next event, so the environment is frozen after `finally 1` and before the 1 ms delay ends (the emulator freezes at that earliest moment every time, Lambda''s worst case: on Lambda a few more milliseconds may run); `finally 2` is printed at the start of the next invocation (on nodejs24.x the handler is rejected at init instead, because aws-lambda-ric 4 removed callback handlers).'
source: seeds/000_c4cf722c2d65d74d.txt (변경된 예제); https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html
tags: [lambda, article, try-catch, event-loop, timers]
why: With callbackWaitsForEmptyEventLoop = false, calling the callback makes the runtime client post the answer immediately and ask for the next event; Lambda freezes the execution environment from that moment. The `finally` block has only reached its `await delay(1)` — the timer is still pending, and it can only fire when the environment is thawed for the next invocation (if there is one before Lambda discards the environment).
instead: Use an async handler and return the answer (do not mix `async` with `callback`); await everything that must finish (a Sentry flush, a cache write) before returning.
links: [https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html, https://aws.amazon.com/blogs/compute/node-js-24-runtime-now-available-in-aws-lambda/]
---*/
// The article's second handler, verbatim.
const delay = (millis) => new Promise(resolve => setTimeout(resolve, millis));

exports.handler = async (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;

  try {
    callback(null, { statusCode: 200, body: 'a' });
  } catch (e) {
    return { statusCode: 200, body: 'b' };

  } finally {
    console.log('finally 1');
    await delay(1);
    console.log('finally 2');
  }
};

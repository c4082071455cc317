/*---
claim: The article's async handler returns its answer from `try` and then, in `finally`, logs `finally 1`, awaits a 1 ms delay and logs `finally 2`; both lines are printed in the same invocation, because an async handler's answer is only sent when its promise settles, and that is after the whole `finally` has run.
source: seeds/000_c4cf722c2d65d74d.txt (간단한 예제)
tags: [lambda, article, try-catch, promise]
why: A `return` inside `try` does not settle the async function's promise yet — the `finally` block runs first, including its `await`, and only when it is done does the promise resolve with the returned value. The runtime client sends the answer when that promise settles and only then asks for the next event, so everything in `finally` runs inside the invocation.
instead: Nothing to change for an async handler; the trap is the callback form (see article-callback.js).
links: [https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html]
---*/
// The article's first handler, verbatim.
const delay = (millis) => new Promise(resolve => setTimeout(resolve, millis));

exports.handler = async (event, context) => {
  try {
    return { statusCode: 200, body: 'a' };
  } catch (e) {
    return { statusCode: 200, body: 'b' };

  } finally {
    console.log('finally 1');
    await delay(1);
    console.log('finally 2');
  }
};

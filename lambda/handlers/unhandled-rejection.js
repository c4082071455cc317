/*---
claim: A promise rejected with no handler during an invocation ends the invocation with an error and ends the runtime process; the environment is reset and the next invocation initialises the function again inside its invocation. aws-lambda-ric 3 reports Runtime.UnhandledPromiseRejection and exits with 128; aws-lambda-ric 4 leaves it to Node (exit code 1), reported as Runtime.ExitError.
source: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html; https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
tags: [lambda, rejections, errors]
why: The 3.x client listens for `unhandledRejection`, wraps the reason in a Runtime.UnhandledPromiseRejection error, posts it as the invocation's error and exits with 128. The 4.x client has no such listener, so Node's default (since Node 15 — throw) ends the process with exit code 1 and Lambda reports Runtime.ExitError.
instead: Await (or attach a catch to) every promise you create.
---*/
'use strict';
const delay = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

exports.handler = async () => {
  Promise.reject(new Error('nobody handles this'));
  await delay(50); // the rejection is reported when the microtask queue drains, long before this
  return 'not reached';
};

/*---
claim: After an invocation times out, the environment is reset and the next invocation runs the function's init inside its own invoke phase, against the function timeout; a function whose init takes longer than its timeout (2 s of init, a 1 s timeout) then times out in init on every later invocation and never runs its handler again (the doom loop). An init that runs past the init phase's limit is likewise retried in the first invocation, under the function timeout, and the invocation succeeds if the retry fits.
source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html ("If the Lambda function crashes or times out during the Invoke phase, Lambda resets the execution environment. ... If another Invoke event results in this execution environment being reused, Lambda initializes the runtime and extensions as part of the next invocation."; "The Init phase is limited to 10 seconds. If all three tasks do not complete within 10 seconds, Lambda retries the Init phase at the time of the first function invocation with the configured function timeout.")
tags: [lambda, timers, errors]
why: 'The first init of an environment has its own limit (10 s on Lambda). A re-init after a reset (called a suppressed init) is part of an invocation and shares that invocation''s timeout, because "the function''s timeout setting limits the duration of the entire Invoke phase". An init slower than the timeout can therefore never finish once the environment has been reset: each invocation is spent initialising, times out, resets the environment again. The first cold start worked only because its init had the separate, longer limit.'
instead: Keep init well under the function timeout (or raise the timeout above the init time), and avoid timeouts and crashes that reset the environment.
links: [https://docs.aws.amazon.com/lambda/latest/dg/troubleshooting-invocation.html, https://github.com/aws/aws-lambda-runtime-interface-emulator]
---*/
'use strict';
// Init work that takes INIT_MS milliseconds (a synchronous wait at module load: loading big
// dependencies, warming caches, fetching configuration).
const initMs = Number(process.env.INIT_MS || 2000);
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, initMs);
console.log('init done after ' + initMs + ' ms');

exports.handler = async (event) => {
  if (event && event.hang) await new Promise((resolve) => setTimeout(resolve, 60000));
  return 'handled';
};

/*---
claim: A handler that does not answer within the function's timeout ends with Lambda's "Task timed out after N.NN seconds" (REPORT Duration is the timeout, Status timeout); the runtime process is killed and the environment reset, so the next invocation initialises the function again inside its own invocation (module state is new).
source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html; https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html ("If the Lambda function crashes or times out during the Invoke phase, Lambda resets the execution environment.")
tags: [lambda, timers]
why: 'Lambda does not stop a late handler politely — at the deadline it reports the time-out and resets the execution environment: the runtime process is gone, with everything it held. The next invocation that comes to this environment first runs the init again (inside its own invoke phase, against its own timeout: see slow-init.js), with new module-level state.'
instead: Pass context.getRemainingTimeInMillis() to your own deadlines and answer (or fail) before the function's timeout.
---*/
'use strict';
let invocations = 0; // module state: survives warm invocations, not a discarded environment

exports.handler = async (event) => {
  invocations += 1;
  console.log('invocations in this environment: ' + invocations);
  if (event && event.slow) await new Promise((resolve) => setTimeout(resolve, 60000));
  return { invocations: invocations };
};

/*---
claim: A handler that does not answer within the function's timeout ends with Lambda's "Task timed out after N.NN seconds"; the environment is discarded, so the next invocation starts cold (module state is new).
source: https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html
tags: [lambda, timers]
why: Lambda does not stop a late handler politely — at the deadline it reports the time-out and throws the whole execution environment away, process and all. The next invocation gets a fresh environment, with a new init phase and new module-level state.
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

/*---
claim: 'Lambda sends an event to a free (frozen) execution environment of the function when there is one and starts a new one (a cold start) when they are all busy: two events at once are served by two environments, both cold; an event after both have answered reuses one of them, warm. With a reserved concurrency of 1, a second event sent while the first is running is throttled (TooManyRequestsException) and never reaches the function.'
source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html; https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html (TooManyRequestsException, HTTP 429)
tags: [lambda, modules]
why: One execution environment handles one invocation at a time. Concurrent invocations need as many environments; each new one pays an init (and has its own module state). When the function may not have more environments (its reserved concurrency), a synchronous invocation is refused rather than queued.
instead: Expect module state per environment, not per function; size reserved concurrency to the peak, or retry throttled calls with backoff.
---*/
'use strict';
let invocations = 0; // per environment

exports.handler = async (event) => {
  invocations += 1;
  if (event && event.ms) await new Promise((resolve) => setTimeout(resolve, event.ms));
  return { invocationsHere: invocations };
};

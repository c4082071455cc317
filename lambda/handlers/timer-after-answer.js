/*---
claim: A 200 ms timer set after the answer (callback with callbackWaitsForEmptyEventLoop = false, or an async handler that returns) is frozen with the environment; when the next invocation comes more than 200 ms later (an idle gap of 500 ms), the timer is due by then and fires at the very start of that invocation, before its handler runs, so its line is in invocation 2's log; if the environment is shut down while frozen (idle for longer than Lambda keeps it), the timer never fires at all.
source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html ("Background processes or callbacks that were initiated by your Lambda function and did not complete when the function ended resume if Lambda reuses the execution environment."; the Shutdown phase "is triggered if the Lambda function does not receive any invocations for a period of time")
tags: [lambda, timers, event-loop]
why: 'The runtime client sends the answer and asks for the next event; from then on the environment is frozen, and with it the timer. The wall clock does not stop: by the time a later invocation thaws the environment, a timer whose time has passed is due, and Node runs it on the first turn of its event loop, before the new event has arrived. Which invocation''s log shows the line is decided by the idle time between invocations, not by the code. And an environment that Lambda shuts down while it is frozen takes its pending timers with it. (The emulator freezes the moment the runtime asks for the next event, the earliest moment Lambda may; on Lambda a few more milliseconds may run, which cannot reach a 200 ms timer.)'
instead: Do the work before answering (await it), or accept that work after the answer may run during another request, or never.
links: [https://docs.aws.amazon.com/lambda/latest/dg/nodejs-context.html, https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html]
---*/
'use strict';

// The callback form (aws-lambda-ric 3: nodejs20.x, nodejs22.x).
exports.handler = (event, context, callback) => {
  context.callbackWaitsForEmptyEventLoop = false;
  console.log('handler ' + event.n);
  callback(null, 'answer ' + event.n);
  setTimeout(() => console.log('timer from ' + event.n), 200);
};

// The same on every runtime: an async handler never waits for the event loop.
exports.asyncHandler = async (event) => {
  console.log('handler ' + event.n);
  setTimeout(() => console.log('timer from ' + event.n), 200);
  return 'answer ' + event.n;
};

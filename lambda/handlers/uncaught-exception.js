/*---
claim: An exception thrown from a timer during an invocation (nobody can catch it) ends the invocation with an error and ends the runtime process; the environment is reset and the next invocation initialises the function again inside its invocation. aws-lambda-ric 3 reports the error itself (its errorType) and exits with 129; aws-lambda-ric 4 has no handler for it, so Node exits with 1 and Lambda reports Runtime.ExitError.
source: https://docs.aws.amazon.com/lambda/latest/dg/nodejs-exceptions.html; https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html ("If the Lambda function crashes or times out during the Invoke phase, Lambda resets the execution environment.")
tags: [lambda, uncaughtException, timers, errors]
why: An uncaught exception means the process is in an unknown state. The 3.x client listens for `uncaughtException`, posts the error as the invocation's error and exits the process with code 129. The 4.x client installs no such listener — Node's default applies (print the error, exit code 1), and Lambda, seeing the runtime exit without an answer, reports Runtime.ExitError.
instead: Catch inside callbacks and timers, or wrap the work in a promise and await it in the handler, so the error becomes the invocation's error without killing the environment.
---*/
'use strict';
const delay = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

exports.handler = async () => {
  setTimeout(() => {
    throw new Error('thrown from a timer');
  }, 0);
  await delay(50); // the 0 ms timer always fires first
  return 'not reached';
};

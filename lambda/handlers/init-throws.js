/*---
claim: 'A function whose module throws an Error while it loads fails its init; Lambda writes the error type in INIT_REPORT and REPORT as Runtime.Unknown, because it keeps only Runtime.* and Function.* types there, while the caller gets the error as the runtime client posted it (errorType Error, its message and its trace). The init is retried before START, inside each invocation.'
source: 'https://github.com/aws/aws-lambda-runtime-interface-emulator (internal/lambda/fatalerror/fatalerror.go, GetValidRuntimeOrFunctionErrorType; internal/lambda/rapi/handler/initerror.go; internal/lambda/rapid/handlers.go, doInvoke)'
tags: [lambda, modules, errors]
why: 'The runtime client posts an init error with its type in the Lambda-Runtime-Function-Error-Type header. That type is the function''s own data, so Lambda''s Runtime API replaces any type that does not name a Runtime or Function error with Runtime.Unknown before it reports the init (INIT_REPORT, and REPORT of the invocation that retried it). The body of the post, which the caller gets, is not changed. The retried init runs before the invocation starts, so its lines and its INIT_REPORT come before START.'
instead: Search the logs for Runtime.Unknown together with the function's own ERROR lines (the real type and message are there and in the caller's error), and keep module top-level code to what cannot fail.
---*/
'use strict';
throw new Error('configuration missing at load');

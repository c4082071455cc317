/*---
claim: 'A function that allocates more than its memory size (300 MB in a 128 MB function) is killed; REPORT names it Status: error, Error Type: Runtime.OutOfMemory and shows the whole memory size used, the log lines before END say the runtime exited with "signal: killed" (Runtime.ExitError, also the caller''s error type), and the next invocation initialises the function again (module state is new).'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html ("Function memory allocation: 128 MB to 10,240 MB"); https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html ("If the Lambda function crashes or times out during the Invoke phase, Lambda resets the execution environment."); Runtime.OutOfMemory in REPORT: production REPORT lines, which neither AWS''s pages nor its emulator print (lambda/aws.ts OUT_OF_MEMORY_ERROR_TYPE cites them)'
tags: [lambda, errors, exit]
why: 'The memory size is a hard limit on the execution environment. Going over it does not throw an exception the code could catch: the kernel kills the runtime process outright (SIGKILL). The log shows that the runtime exited with "signal: killed", and REPORT names the cause, Runtime.OutOfMemory, so a search for the error type finds out-of-memory kills apart from other crashes. The environment is reset, so whatever the module kept in memory is gone and the next invocation runs the init code again.'
instead: Size the function's memory to its peak (REPORT's Max Memory Used shows it), stream large data instead of holding it, and keep module-level caches bounded.
---*/
'use strict';
let invocations = 0; // module state: survives warm invocations, not a reset
const kept = [];

// Allocates `event.mb` MB in 10 MB buffers outside the JavaScript heap (filled, so the memory is
// really used), keeps them, and answers.
exports.handler = async (event) => {
  invocations += 1;
  console.log('invocations in this environment: ' + invocations);
  for (let i = 0; i < (event.mb || 0) / 10; i++) {
    kept.push(Buffer.alloc(10 * 1024 * 1024, 1));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { invocations: invocations, heldMb: kept.length * 10 };
};

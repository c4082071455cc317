/*---
claim: 'The memory size covers the processes a function starts too: a 256 MB function whose child process holds 300 MB is killed (REPORT: Status: error, Error Type: Runtime.OutOfMemory, Max Memory Used: 256 MB, and the caller gets Runtime.ExitError "signal: killed"); with a child holding 20 MB it answers, and Max Memory Used counts the child''s memory with its own.'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html ("Function memory allocation: 128 MB to 10,240 MB") and https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html (the execution environment''s memory is the function''s memory setting); the error texts as lambda/handlers/memory-hog.js cites them'
tags: [lambda, child-process, errors]
why: 'Lambda limits the memory of the whole execution environment, not of the runtime''s own process: a child process (an image converter, a headless browser, a second node) counts against the same memory size. A function that starts a large child is killed as if it had allocated the memory itself, and the runtime process alone looks small in a local profiler.'
instead: Count the memory of every process the function starts when you choose its memory size; REPORT's Max Memory Used shows the total.
---*/
'use strict';
const { spawn } = require('child_process');

// Starts a child Node that allocates `event.mb` MB (filled, so it is resident), waits until it
// has, and answers. The child stays: it is frozen with the environment, and ends with it.
exports.handler = async (event) => {
  const code = `const b = Buffer.alloc(${Number(event.mb) || 0} * 1048576, 1); process.stdout.write('held ' + b.length); setInterval(() => {}, 1e9);`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  return { childMb: Number(event.mb) || 0 };
};

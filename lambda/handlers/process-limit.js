/*---
claim: 'An execution environment runs at most 1,024 processes and threads together: a handler that starts child processes one after another gets "spawn sleep EAGAIN" once the environment holds 1,024 (the runtime''s own threads count: it starts fewer than 1,024 children, and those and its threads make 1,024); once it has ended them it starts children again.'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html ("Execution processes/threads: 1,024")'
tags: [lambda, child-process, errors]
why: 'Lambda limits the processes and threads of a whole execution environment, the runtime''s own threads included, to 1,024. Past it the kernel refuses to make another (EAGAIN): Node reports it as an error event of the child process, and a native addon or a worker pool that cannot start its thread may crash the runtime. A laptop''s limit is the user''s, in the tens of thousands, so a leak of child processes or threads that never shows locally fails on Lambda.'
instead: End the child processes a handler starts before it returns (or reuse one), bound worker and thread pools, and count the runtime's own threads against the 1,024.
---*/
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');

/** This process's threads now (/proc/self/status). */
const threads = () => Number(/Threads:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]);

// Starts `sleep` children one after another, up to `event.max` (default 1100), until one cannot be
// started; then ends them all, waits until they are gone, and answers how many it started, its own
// threads when it stopped, and the error of the one that failed.
exports.handler = async (event) => {
  const max = event.max || 1100;
  const children = [];
  let error;
  for (let i = 0; i < max; i++) {
    const child = spawn('sleep', ['600'], { stdio: 'ignore' });
    if (child.pid === undefined) {
      error = await new Promise((resolve) => child.once('error', resolve));
      break;
    }
    children.push(child);
  }
  const ownThreads = threads();
  await Promise.all(children.map((child) => new Promise((resolve) => {
    child.once('close', resolve);
    child.kill('SIGKILL');
  })));
  // Their handles close a turn after their 'close' events: answered after that, nothing of them is left.
  await new Promise((resolve) => setImmediate(resolve));
  return { started: children.length, threads: ownThreads, error: error ? { code: error.code, message: error.message } : null };
};

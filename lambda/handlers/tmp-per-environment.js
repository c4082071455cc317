/*---
claim: 'Each execution environment has a /tmp of its own (the path /tmp itself, os.tmpdir()): a file one environment writes there is not seen by another environment of the same function, it is still there for the next invocation of the same environment, and it is removed when the environment shuts down.'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html ("Each execution environment also provides between 512 MB and 10,240 MB, in 1-MB increments, of disk space in the /tmp directory. The directory content remains when the execution environment is frozen, providing a transient cache that can be used for multiple invocations.")'
tags: [lambda]
why: '/tmp belongs to one execution environment: it survives between the invocations that environment serves, and it is empty in a new environment. Concurrent invocations run in different environments, so a file written by one is never visible to the other; code that expects a shared /tmp (a lock file, a cache filled once) works on one laptop process and not on Lambda.'
instead: Use /tmp as a per-environment cache only; share state between invocations through a database, S3 or another service.
---*/
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

// Writes a file named after the event's tag (and `fillMb` MB of zeros, with `fillMb`), waits
// `holdMs`, then lists what the environment's temporary folder holds.
exports.handler = async (event) => {
  fs.writeFileSync(path.join(os.tmpdir(), 'mark-' + event.tag), event.tag);
  if (event.fillMb) {
    const fd = fs.openSync(path.join(os.tmpdir(), 'fill'), 'w');
    const mb = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < event.fillMb; i++) fs.writeSync(fd, mb);
    fs.closeSync(fd);
  }
  await new Promise((resolve) => setTimeout(resolve, event.holdMs || 0));
  return { tmp: os.tmpdir(), files: fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('mark-')).sort() };
};

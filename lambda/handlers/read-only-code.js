/*---
claim: 'The code directory is read-only: a handler that writes a file into its own folder (LAMBDA_TASK_ROOT) or into a layer fails with EROFS ("EROFS: read-only file system"), while os.tmpdir() (/tmp) takes the same write.'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/images-create.html ("The container image must be able to run on a read-only file system. Your function code can access a writable /tmp directory with between 512 MB and 10,240 MB"); AWS SAM CLI samcli/local/docker/container.py (Container.create mounts the code at /var/task "ro,delegated" unless it builds)'
tags: [lambda, errors]
why: 'Lambda runs a function from a read-only file system: its code (/var/task) and its layers (/opt) cannot be written, only /tmp can. Code that writes beside itself (a cache file next to the handler, a generated config, a library that compiles into its own folder) works on a laptop, where the folder is the developer''s, and fails on Lambda at the first write.'
instead: Write to os.tmpdir() (/tmp on Lambda), and point libraries that write caches there too; never write into the deployment package or a layer.
links: [https://docs.aws.amazon.com/lambda/latest/dg/configuration-ephemeral-storage.html, https://github.com/aws/aws-sam-cli]
---*/
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

// Writes a file into `event.dir` (default: this handler's own folder, the task root; "tmp": the
// environment's temporary folder), removes it again, and answers with the folder. A write that
// fails is the invocation's error, as the runtime client reports it.
exports.handler = async (event) => {
  const dir = event.dir === 'tmp' ? os.tmpdir() : event.dir || __dirname;
  const file = path.join(dir, `.written-by-${process.pid}`);
  fs.writeFileSync(file, 'x');
  fs.unlinkSync(file);
  return { wrote: dir };
};

/*---
claim: 'The runtime''s Node process is started as Lambda''s bootstrap starts it: at 128 MB with --max-semi-space-size=6 and --max-old-space-size=116 (a NODE_OPTIONS heap size replaces both), --expose-gc (global.gc is a function) and --max-http-header-size 81920; the runtime''s Node is first in PATH, so a handler that spawns "node" runs the same Node release; NODE_PATH holds the layers'' nodejs/node_modules folders; the process may open at most 1,024 descriptors.'
source: 'The bootstrap of AWS''s nodejs runtime images, /var/runtime/bootstrap (NODE_ARGS, MEMORY_ARGS, NODE_PATH; quoted in lambda/aws.ts BOOTSTRAP); the base image''s PATH=/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin (https://github.com/aws/aws-lambda-base-images, Dockerfile.nodejs20.x); https://docs.aws.amazon.com/lambda/latest/dg/packaging-layers.html (layer paths for Node.js: nodejs/node_modules, nodejs/nodeNN/node_modules); https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html ("File descriptors: 1,024")'
tags: [lambda, modules, child-process]
why: 'Lambda does not run `node index.mjs`: its bootstrap sizes V8''s heap from the memory setting, so at 128 MB the JavaScript heap is capped near 130 MB instead of the gigabytes a laptop allows, and a heap-hungry function fails on Lambda with "JavaScript heap out of memory" while it passes locally. --expose-gc makes global.gc exist, which some libraries test for. The runtime''s Node comes first in PATH, so a child process started as "node" is the same release as the function''s own.'
instead: "Test with the memory size the function has on Lambda; to change the heap sizes, set NODE_OPTIONS (--max-old-space-size) in the function's environment, which the bootstrap honours."
links: [https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html]
---*/
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const v8 = require('v8');

exports.handler = async () => {
  let layer = null;
  try {
    layer = require('layer-probe').name;
  } catch (e) {
    layer = e.code;
  }
  return {
    execArgv: process.execArgv.filter((a) => !a.startsWith('--require') && !a.endsWith('freeze-hook.cjs')),
    heapLimitMb: Math.round(v8.getHeapStatistics().heap_size_limit / 1048576),
    gc: typeof global.gc,
    version: process.version,
    spawnedNode: execFileSync('node', ['-p', 'process.version'], { encoding: 'utf8' }).trim(),
    layer,
    region: process.env.AWS_REGION,
    accessKey: process.env.AWS_ACCESS_KEY_ID === undefined ? null : process.env.AWS_ACCESS_KEY_ID,
    // The soft limit (the one that applies), from the kernel's own table of this process's limits.
    openFiles: Number(/^Max open files\s+(\d+)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'))[1]),
  };
};

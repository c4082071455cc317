/*---
claim: "If process.exitCode was set before a top-level await that never settles, the process exits with that code (2 here) instead of 13, the 'exit' listeners receive it, and no unsettled-await warning is printed, on every Node that has top-level await."
source: https://nodejs.org/api/process.html#exit-codes
tags: [esm, promise, exitCode, exit]
node: '>=14.8'
why: "Node only fills in code 13 when no exit code has been set; an explicit process.exitCode wins. The warning (Node 22 on) is printed only on the path that picks 13, so it is not printed either: the stuck await goes unreported."
instead: "Do not rely on exit code 13 to detect a stuck top-level await if anything may set process.exitCode early."
links: [https://nodejs.org/api/process.html#exit-codes, https://nodejs.org/api/process.html#processexitcode_1]
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

process.exitCode = 2;
console.log('before the await');
await new Promise(() => {});
console.log('after the await');

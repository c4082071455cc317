/*---
claim: "In an ES module, a top-level await on a Promise that never settles ends the process with exit code 13, not 0; since Node 22 a warning names the unsettled await, and since 22.15 / 23.10 the 'exit' listeners receive 13 too (before that they received 0)."
source: https://nodejs.org/api/process.html#exit-codes (13 Unsettled Top-Level Await); contrast with seeds/001_99d9f25adfe44947.txt
tags: [esm, promise, event-loop, exit, exitCode]
node: '>=14.8'
why: "The loop empties exactly as in the CommonJS case (a pending Promise holds nothing open), but here Node itself is waiting on the module's evaluation, and it notices that it never finished. Instead of a silent 0 it exits with the reserved code 13. Older versions emitted 'exit' with 0 and only then switched to 13; Node 22 added the warning, and 22.15 / 23.10 settle the code 13 before emitting 'exit', so the listeners see the real code."
instead: "Make sure every top-level await can settle: give waits on outside events a ref'd deadline timer that rejects."
links: [https://nodejs.org/api/process.html#exit-codes, https://github.com/nodejs/node/issues/39665]
changes:
  - {in: '22.0.0', what: "a 'Warning: Detected unsettled top-level await at <file>:<line>' with the source line is printed to stderr", link: 'https://github.com/nodejs/node/pull/51999'}
  - {in: '22.15.0', what: "'exit' listeners receive 13 instead of 0, and the warning comes before them (also in 23.10.0)", link: 'https://github.com/nodejs/node/pull/56872'}
  - {in: '23.10.0', what: "'exit' listeners receive 13 instead of 0, and the warning comes before them", link: 'https://github.com/nodejs/node/pull/56872'}
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

console.log('before the await');
await new Promise(() => {});
console.log('after the await');

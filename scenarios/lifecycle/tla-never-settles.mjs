/*---
claim: "In an ES module, a top-level await on a Promise that never settles ends the process with exit code 13, not 0. Since Node 22 a warning names the unsettled await; since 22.15 / 23.10 it is printed before the 'exit' listeners run and they receive 13 (from 22.0 to 22.14 and 23.0 to 23.9 it came after them, and they received 0, as on every version before 22)."
source: https://nodejs.org/api/process.html#exit-codes (13 Unsettled Top-Level Await); contrast with seeds/001_99d9f25adfe44947.txt
tags: [esm, promise, event-loop, exit, exitCode]
node: '>=14.8'
why: "The loop empties exactly as in the CommonJS case (a pending Promise holds nothing open), but here Node itself is waiting on the module's evaluation, and it notices that it never finished. Instead of a silent 0 it exits with the reserved code 13. Older versions emitted 'exit' with 0 and only then switched to 13; Node 22 added the warning, and 22.15 / 23.10 settle the code 13 before emitting 'exit', so the listeners see the real code."
instead: "Make sure every top-level await can settle: give waits on outside events a ref'd deadline timer that rejects."
links: [https://nodejs.org/api/process.html#exit-codes, https://github.com/nodejs/node/issues/39665]
changes:
  - {in: '22.0.0', what: "a 'Warning: Detected unsettled top-level await at <file>:<line>' with the source line is printed to stderr", link: 'https://github.com/nodejs/node/pull/51999'}
  - {in: '22.15.0', what: "'exit' listeners receive 13 instead of 0, and the warning is printed before them instead of after (also in 23.10.0)", link: 'https://github.com/nodejs/node/pull/56872'}
  - {in: '23.10.0', what: "'exit' listeners receive 13 instead of 0, and the warning is printed before them instead of after", link: 'https://github.com/nodejs/node/pull/56872'}
explains: {tla-never-settles: 1}
---*/
// The 'exit' listener writes to stderr, the stream the warning goes to, so that one stream shows
// which came first.
process.on('exit', (code) => {
  console.error(`exit with code ${code}`);
});

console.log('before the await');
await new Promise(() => {});
console.log('after the await');

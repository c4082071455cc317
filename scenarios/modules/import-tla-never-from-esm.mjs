/*---
claim: "An ES module entry point that awaits import() of a module whose top-level await never settles exits with code 13, like its own unsettled top-level await; its 'exit' listeners see 0 up to 22.14 / 23.9, 13 after."
source: https://nodejs.org/api/process.html#exit-codes (13 Unsettled Top-Level Await)
tags: [modules, esm, promise, exit-codes]
node: '>=14.8'
why: "The entry module's own evaluation is waiting on the import, so it never finishes either, and Node reports the unsettled top-level await of the entry point."
instead: "Give imports that may wait on the outside world a deadline."
changes:
  - {in: '22.0.0', what: "a 'Warning: Detected unsettled top-level await at <file>:<line>' with the source line is printed to stderr", link: 'https://github.com/nodejs/node/pull/51999'}
  - {in: '22.15.0', what: "'exit' listeners receive 13 instead of 0 (22.x line; 23.0.0-23.9.x still give 0)", link: 'https://github.com/nodejs/node/pull/56872'}
  - {in: '23.10.0', what: "'exit' listeners receive 13 instead of 0 (23.x line)", link: 'https://github.com/nodejs/node/pull/56872'}
---*/
process.on('exit', (code) => {
  console.log(`exit ${code}`);
});
await import('./_esm-tla-never.mjs');
console.log('imported');

/*---
claim: "An ES module entry point that starts import() of a module whose top-level await never settles, without awaiting it, exits with code 0: only the entry point's own evaluation counts for exit code 13."
source: https://nodejs.org/api/process.html#exit-codes (13 Unsettled Top-Level Await)
tags: [modules, esm, promise, exit-codes]
node: '>=14.8'
---*/
process.on('exit', (code) => {
  console.log(`exit ${code}`);
});
import('./_esm-tla-never.mjs').then(() => {
  console.log('imported');
});
console.log('end of entry module');

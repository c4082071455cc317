/*---
claim: "A static import of a module with a syntax error fails before any code of the importing module runs: nothing is printed, its 'exit' listener is never registered, and the process exits with 1 with the SyntaxError on stderr."
source: https://nodejs.org/api/esm.html#import-statements
tags: [modules, esm, errors, exit-codes]
---*/
import './_esm-syntax-error.mjs';

process.on('exit', (code) => {
  console.log(`exit ${code}`);
});
console.log('importing module runs');

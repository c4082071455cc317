/*---
claim: "In an ES module, a top-level await on a rejected Promise ends the process with exit code 1 and prints the error; the 'exit' listeners receive 1 and the code after the await never runs."
source: https://nodejs.org/api/esm.html#top-level-await
tags: [esm, promise, errors, exit]
node: '>=14.8'
why: "A rejection at top level rejects the module's evaluation, and Node treats that like an uncaught exception in the main module: it prints the error with its source line and exits with 1."
instead: "Wrap top-level awaits that may fail in try/catch, and set process.exitCode yourself if you want a specific code."
links: [https://nodejs.org/api/esm.html#top-level-await]
---*/
process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

console.log('before the await');
await Promise.reject(new Error('boom'));
console.log('after the await');

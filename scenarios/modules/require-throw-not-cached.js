/*---
claim: "A CommonJS module that throws while loading is not cached: the throw reaches the require() caller, and requiring it again evaluates the module again from the top."
source: https://nodejs.org/api/modules.html#caching
tags: [modules, errors, try-catch]
why: "Node puts a module in require.cache before running it and deletes it again if it throws, so the next require() starts over. Side effects of the failed run (here, a global counter) stay."
instead: "Do not retry a failed require() expecting the same result; fix the cause, and keep modules' top-level code free of side effects that must not repeat."
---*/
try {
  require('./_throws-once.js');
} catch (err) {
  console.log('first require threw: ' + err.message);
}
console.log('in cache: ' + (require.resolve('./_throws-once.js') in require.cache));
console.log('second require returned: ' + require('./_throws-once.js'));

// Allocates until the (small) heap is exhausted. Run by exit-code-5-oom.js.
var kept = [];
for (;;) kept.push(new Array(10000).fill(0));

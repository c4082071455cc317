// Worker fixture: keeps every array it allocates, until the heap limit is reached.
var kept = [];
for (;;) {
  kept.push(new Array(100000).fill(kept.length));
}

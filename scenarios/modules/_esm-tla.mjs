// ES module fixture with a top-level await that settles.
await Promise.resolve();
export const named = 'after top-level await';

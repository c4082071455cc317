/*---
claim: "The same `await Promise.all(...)` over stream-settled Promises completes when every stream is fed, ended and read: the streams' own activity carries the process to the line after the await."
source: "seeds/001_99d9f25adfe44947.txt (the story at the top: Promise.all over stream end/error events, the working case)"
tags: [article, event-loop, promise, streams]
why: "'end' is emitted only after the last chunk has been consumed. Here each stream is written to and ended, and resume() reads it, so every 'end' event is queued before the loop runs out of work: the Promises resolve and the async function resumes. Nothing here is a long-lived handle; the work is already queued when the synchronous code finishes."
instead: Consume every stream you wait on (pipe it somewhere, read it, or call resume()).
links: [https://nodejs.org/api/stream.html#event-end, https://nodejs.org/api/stream.html#readableresume]
---*/
const { PassThrough, Readable } = require('stream');

process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

function whenDone(stream) {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}

(async function main() {
  try {
    const streams = [new PassThrough(), new PassThrough(), new Readable({ read() {} })];
    const promises = streams.map(whenDone);
    streams[0].end('first');
    streams[1].end('second');
    streams[2].push('third');
    streams[2].push(null);
    for (const s of streams) s.resume(); // 'end' comes only once the data has been read
    console.log(`waiting for ${promises.length} streams`);
    await Promise.all(promises);
    console.log('all streams ended');
  } catch (e) {
    console.log(`caught: ${e.message}`);
  }
})();
console.log('end of code');

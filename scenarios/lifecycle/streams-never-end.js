/*---
claim: "`await Promise.all(...)` over stream-settled Promises whose streams never end or fail lets the process exit with code 0 in the middle of the await: no error, no log, the code after the await never runs, and neither the catch nor the finally around it runs."
source: "seeds/001_99d9f25adfe44947.txt (the story at the top: Promise.all over stream end/error events)"
tags: [article, event-loop, promise, streams, exit, try-catch]
why: "A stream object that nobody feeds holds no event-loop handle: it is plain JavaScript waiting for someone to call push() or end(). The Promises waiting on its 'end' or 'error' events are not handles either. When the synchronous code is done the loop has nothing to wait for, so Node fires `exit` and ends with code 0. The suspended async function is simply never resumed, so there is no exception for a try/catch to catch, and its finally block never runs."
instead: Make sure every stream is actually connected to a source that ends it (a file, a socket, a pipe); settle each Promise on 'close' too (stream.finished() does this), and put a deadline on the whole wait with a ref'd timer that rejects, so the await ends one way or the other.
links: [https://nodejs.org/api/stream.html#event-end, https://github.com/nodejs/node/issues/22088]
explains: {natural-end-pending-promise: 2, natural-end-promise-all: 1}
---*/
const { PassThrough, Readable } = require('stream');

process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

// Each Promise is settled by its stream's 'end' (resolve) or 'error' (reject), as in the article.
function whenDone(stream) {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
}

(async function main() {
  try {
    // Nothing ever writes to, ends or destroys these streams.
    const streams = [new PassThrough(), new PassThrough(), new Readable({ read() {} })];
    const promises = streams.map(whenDone);
    console.log(`waiting for ${promises.length} streams`);
    await Promise.all(promises);
    console.log('all streams ended');
  } catch (e) {
    console.log(`caught: ${e.message}`);
  } finally {
    console.log('finally');
  }
})();
console.log('end of code');

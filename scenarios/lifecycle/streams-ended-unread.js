/*---
claim: "A stream that has been ended but is never read never emits 'end', so an await on its 'end' event is abandoned just the same: exit 0, the line after the await never prints."
source: seeds/001_99d9f25adfe44947.txt (the story at the top); https://nodejs.org/api/stream.html#event-end
tags: [article, event-loop, promise, streams]
why: "Calling end() (or push(null)) only marks the end of the data. The 'end' event is emitted when a consumer has read everything, and here nobody reads, not even to drain an empty stream. The waiting Promise stays pending, nothing holds the loop open, and Node exits normally."
instead: Read the stream (resume(), pipe(), for await) or wait for 'finish' on the writable side if that is what you mean.
links: [https://nodejs.org/api/stream.html#event-end, https://nodejs.org/api/stream.html#event-finish]
explains: {natural-end-promise-all: 2, natural-end-stream-unread: 1}
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
  const withData = new PassThrough();
  const empty = new Readable({ read() {} });
  const promises = [whenDone(withData), whenDone(empty)];
  withData.end('never read');
  empty.push(null);
  console.log('both streams ended by their writers');
  await Promise.all(promises);
  console.log('all streams ended');
})();

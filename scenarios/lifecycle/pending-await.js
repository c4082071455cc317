/*---
claim: An async function awaiting a Promise that never settles does not keep Node alive; the process exits with code 0 and `end of main function` never prints.
source: seeds/001_99d9f25adfe44947.txt (app.js example); https://github.com/nodejs/node/issues/22088
tags: [article, event-loop, promise, exit]
why: A pending Promise is not an event-loop handle. Once the call stack is empty and no timer, socket or other handle is active, Node runs the `exit` listeners and ends, whatever is still awaited.
instead: Keep a handle open while you wait on outside events (the stream itself, a timer with a deadline), and reject on a deadline so the await ends either way.
explains: {natural-end-pending-promise: 1, natural-end-promise-all: 3}
---*/
// app.js
process.on('exit', (exitCode) => {
  console.log(`node exit with code ${exitCode}`);
});

(async function main() {

  await new Promise((resolve => {
    // 해당 프로미스는 resolve되지 않으므로, pending 상태를 유지한다.
    console.log('in promise');
  }));

  console.log('end of main function');
})();
console.log('end of code');

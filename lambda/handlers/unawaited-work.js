/*---
claim: 'An async handler that starts work and returns without awaiting it answers at once; the work stops at its first wait (a 1 ms timer) when the environment is frozen and resumes at the start of the next invocation, on every runtime generation (the emulator freezes at the earliest moment, when the runtime asks for the next event: Lambda''s worst case; on Lambda a few more milliseconds may run).'
source: seeds/000_c4cf722c2d65d74d.txt (response cache); https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html
tags: [lambda, promise, timers, event-loop]
why: The runtime client sends the answer when the handler's promise settles and then asks for the next event; Lambda freezes the environment from that moment. A promise nobody awaited is not part of the answer — its pending timer stays pending while the environment is frozen and fires when the environment is thawed for the next invocation, so its work is done (and logged) during someone else's request, or never if the environment is discarded.
instead: Await every piece of work that must happen for this request before returning (Promise.all for parallel work).
---*/
'use strict';
const delay = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

async function work(n) {
  console.log('work ' + n + ' started');
  await delay(1);
  console.log('work ' + n + ' resumed');
}

exports.handler = async (event) => {
  work(event.n); // not awaited
  return 'answer ' + event.n;
};

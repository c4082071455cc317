/*---
claim: 'In the emulator, which freezes the environment at the earliest moment Lambda may (when the runtime asks for its next event), a 1 ms timer an invocation leaves pending never fires before the next invocation, however busy the machine is and whatever the idle time in between: its line is always printed during the next invocation, never during the one that left it. This is the deterministic worst case; on Lambda a few more milliseconds may run before the freeze, and such a timer may fire in time.'
source: seeds/000_c4cf722c2d65d74d.txt (변경된 예제); https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html
tags: [lambda, timers, event-loop]
why: 'After the answer the runtime client asks for the next event and Lambda freezes the whole environment until there is one ("Lambda freezes the execution environment when the runtime and each extension have completed and there are no pending events"). Lambda does not promise that the freeze is instantaneous, so code cannot count on a short timer firing in time, nor on it not firing. The emulator takes the worst case every time: a timer due a millisecond later cannot fire in between, because no code of the function runs while it is frozen; it fires as soon as the environment is thawed, inside the next invocation. (Each invocation first waits 2 ms so that a timer the previous one left, due after 1 ms, is certainly due before this handler returns; timers fire in the order they are due.)'
instead: Await the work before answering if it belongs to this invocation.
---*/
'use strict';
const delay = (millis) => new Promise((resolve) => setTimeout(resolve, millis));

exports.handler = async (event) => {
  await delay(2);
  setTimeout(() => console.log('timer ' + event.n), 1); // left pending on purpose
  return event.n;
};

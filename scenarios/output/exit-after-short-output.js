/*---
claim: "A few short console.log() lines right before process.exit() do arrive in full on a pipe: output is lost only when there is more of it than the pipe's buffer takes at once."
source: https://nodejs.org/api/process.html#processexit
tags: [output, exit, streams]
why: "An asynchronous write to a pipe still tries to write at once; it only queues what the kernel's buffer cannot take. A hundred short lines fit in an empty buffer, so they are already in the pipe when process.exit() runs. That is why the loss in output/exit-after-write-stdout surprises people: small tests never show it."
explains: {exit-lost-stdout: 3}
---*/
for (let i = 1; i <= 100; i++) console.log(`line ${i}`);
process.exit(0);

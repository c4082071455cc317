/*---
claim: "Setting process.exitCode inside an 'exit' listener changes the process's exit code (9 here) although every 'exit' listener, this one included, received 0: the code a listener receives is not always the code the process exits with."
source: https://nodejs.org/api/process.html#event-exit
tags: [exitCode, exit]
why: "The code is passed to the 'exit' listeners when the event is emitted, as an ordinary argument, so later changes do not reach them. After the listeners return, Node reads process.exitCode again and uses that for the real exit."
instead: "Decide the exit code before the process starts exiting. A logger in an 'exit' listener should read process.exitCode at the end rather than trust its argument if other listeners may change it."
links: [https://nodejs.org/api/process.html#event-exit, https://nodejs.org/api/process.html#processexitcode_1]
---*/
process.on('exit', (code) => {
  console.log(`first listener received ${code}; setting process.exitCode = 9`);
  process.exitCode = 9;
});
process.on('exit', (code) => {
  console.log(`second listener received ${code}; process.exitCode is ${process.exitCode}`);
});
console.log('end of code');

/*---
claim: "process.emit('SIGINT') sends no signal: with no listener it returns false and the process goes on as if nothing happened (exit code 0); with a listener it only calls that listener, synchronously, before the next statement."
source: https://github.com/nodejs/help/issues/415
tags: [signals, events, exit-codes]
why: "process is an EventEmitter, and Node uses events named after signals to deliver real ones: when the operating system delivers SIGINT and a listener exists, Node emits 'SIGINT'. Emitting that event yourself skips the operating system altogether, so neither the default action (ending the process) nor anything else Node does for a signal happens; emit() just runs the listeners there are, in order, and returns whether there were any."
instead: "To really signal the process (or another one) use process.kill(pid, 'SIGINT'); to share shutdown code between a signal and other causes, put it in a function and call that."
links: [https://nodejs.org/api/process.html#signal-events, https://nodejs.org/api/process.html#processkillpid-signal]
---*/
process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

console.log('no listener: emit returned ' + process.emit('SIGINT'));
console.log('still running after process.emit(SIGINT)');

process.on('SIGINT', function () {
  console.log('SIGINT listener called');
});
console.log('with a listener: emit returned ' + process.emit('SIGINT'));
console.log('still running');

/*---
claim: "A warning emitted right before process.exit() is lost: emitWarning() only schedules it for the next tick, process.exit() ends the process first, so neither the stderr line nor the 'warning' listener ever happens; the exit code is the one given to exit()."
source: https://nodejs.org/api/process.html#processemitwarningwarning-options
tags: [diagnostics, warnings, exit, output]
why: "The 'warning' event (and so the printing) is emitted with process.nextTick, and process.exit() runs the 'exit' listeners and ends the process synchronously: the tick never comes."
instead: "Print the message yourself (console.error) when it matters that it is seen, or set process.exitCode and let the process end by itself."
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.message);
});
process.emitWarning('disk almost full');
process.exit(3);

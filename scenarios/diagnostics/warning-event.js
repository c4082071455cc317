/*---
claim: "process.emitWarning() is asynchronous: the 'warning' listener and the '(node:<pid>) Warning: ...' line on stderr both come after the code that follows the call, on the next tick."
source: https://nodejs.org/api/process.html#event-warning
tags: [diagnostics, warnings]
why: Node emits the 'warning' event with process.nextTick, and its default listener is what prints the warning on stderr. A listener of your own does not replace that printing.
instead: Use --no-warnings (or NODE_NO_WARNINGS=1) to stop the printing, and a 'warning' listener to route warnings to your logger.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ': ' + warning.message);
});
process.emitWarning('disk almost full');
console.log('after emitWarning');

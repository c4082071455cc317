/*---
claim: "With --trace-warnings, a warning is printed with the stack of the emitWarning() call, so the line that caused it can be found; the process still exits with code 0."
source: https://nodejs.org/api/cli.html#--trace-warnings
tags: [diagnostics, warnings]
flags: [--trace-warnings]
why: Warnings are Error objects created where emitWarning is called; the flag makes the printer show their stack instead of just the message.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
function checkDisk() {
  process.emitWarning('disk almost full');
}
checkDisk();

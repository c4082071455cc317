/*---
claim: "With --no-warnings nothing is printed on stderr for process.emitWarning(), but the 'warning' event is still emitted, so a listener sees the warning."
source: https://nodejs.org/api/cli.html#--no-warnings
tags: [diagnostics, warnings]
flags: [--no-warnings]
why: The flag only turns off the default listener that writes warnings to stderr; emitting them goes on.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ': ' + warning.message);
});
process.emitWarning('disk almost full');

/*---
claim: "process.exitCode = '1' (an integer string) ends the process with code 1 and the 'exit' listeners receive the number 1 on every version, but reading process.exitCode back gives the string '1' until Node 22.15 / 23.10, and the number 1 from then on."
source: https://nodejs.org/api/process.html#processexitcode_1
tags: [exit, exitCode, exit-codes]
why: Integer strings have always been accepted. Node used to store the value as given and convert it only when exiting; since 23.10.0 (22.15.0) the getter reads Node's own numeric exit-code field, so the string is gone as soon as it is assigned.
instead: Assign numbers; compare process.exitCode with == or Number() if it may have been set by code you do not control.
changes:
  - {in: '22.15.0', what: 'process.exitCode reads back the number 1 after assigning the string (also in 23.10.0)', link: 'https://github.com/nodejs/node/pull/56872'}
  - {in: '23.10.0', what: 'process.exitCode reads back the number 1 after assigning the string', link: 'https://github.com/nodejs/node/pull/56872'}
---*/
process.on('exit', function (code) {
  console.log('exit listener got ' + JSON.stringify(code));
});

process.exitCode = '1';
console.log('process.exitCode reads back ' + JSON.stringify(process.exitCode) + ' (' + typeof process.exitCode + ')');

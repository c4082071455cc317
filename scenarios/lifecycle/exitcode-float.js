/*---
claim: "process.exitCode = 1.5 is accepted before Node 20 (with a DEP0164 warning in 19): it reads back 1.5, the 'exit' listeners receive 1 and the process exits with 1; from Node 20 the assignment throws RangeError ERR_OUT_OF_RANGE, which (uncaught) ends the process with code 1 at that line."
source: https://nodejs.org/api/deprecations.html#DEP0164
tags: [exit, exitCode, exit-codes, deprecation]
why: "Node 18 and earlier convert the exit code to an integer only when the process ends (so 1.5 becomes 1). Node 19 warns about the coercion (DEP0164), and Node 20 validates the value on assignment: only integers and integer strings are allowed."
instead: Assign integers only (process.exitCode = 1).
changes:
  - {in: '19.0.0', what: 'a DEP0164 DeprecationWarning is printed for the coercion', link: 'https://github.com/nodejs/node/pull/44711'}
  - {in: '20.0.0', what: 'the assignment throws ERR_OUT_OF_RANGE', link: 'https://github.com/nodejs/node/pull/43716'}
---*/
process.on('exit', function (code) {
  console.log('exit listener got ' + JSON.stringify(code));
});

process.exitCode = 1.5;
console.log('process.exitCode reads back ' + JSON.stringify(process.exitCode));

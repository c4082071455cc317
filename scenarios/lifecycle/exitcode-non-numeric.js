/*---
claim: "process.exitCode = 'failed' (not an integer) is silently turned into exit code 0 before Node 20 (19 adds a DEP0164 warning), so a script that meant to report failure exits successfully; from Node 20 the assignment throws TypeError ERR_INVALID_ARG_TYPE, which ends the process with code 1."
source: https://nodejs.org/api/deprecations.html#DEP0164
tags: [exit, exitCode, exit-codes, deprecation]
why: Before the validation, Node converted the value with an integer coercion at exit, and a non-numeric string becomes 0. The failure a CI job or a process manager should have seen is lost.
instead: "Assign a number (process.exitCode = 1) and log the reason separately."
changes:
  - {in: '19.0.0', what: 'a DEP0164 DeprecationWarning is printed for the coercion', link: 'https://github.com/nodejs/node/pull/44711'}
  - {in: '20.0.0', what: 'the assignment throws ERR_INVALID_ARG_TYPE', link: 'https://github.com/nodejs/node/pull/43716'}
---*/
process.on('exit', function (code) {
  console.log('exit listener got ' + JSON.stringify(code));
});

process.exitCode = 'failed';
console.log('process.exitCode reads back ' + JSON.stringify(process.exitCode));

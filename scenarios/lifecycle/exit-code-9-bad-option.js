/*---
claim: "An unknown command-line option (here --no-such-flag) makes node exit with code 9 (Invalid Argument) before running anything: no line of the script runs and no 'exit' listener fires; stderr says 'bad option'."
source: https://nodejs.org/api/process.html#exit-codes
tags: [exit-codes, exit, diagnostics]
flags: [--no-such-flag]
why: Node parses its options before it loads any JavaScript, and rejects the whole command line with code 9. The same happens for an option given in NODE_OPTIONS, which can break every Node process started in that environment.
instead: Check a flag against `node --help` (or process.allowedNodeEnvironmentFlags) before putting it in scripts or NODE_OPTIONS.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
console.log('script ran');

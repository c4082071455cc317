/*---
claim: "An invalid value for --disable-proto (here 'bad') makes node exit with code 12 before running anything: no line of the script runs, no 'exit' listener fires, and stderr says 'invalid mode passed to --disable-proto'."
source: https://nodejs.org/api/process.html#exit-codes
tags: [exit-codes, exit, diagnostics]
flags: [--disable-proto=bad]
why: "The documentation describes code 12 as 'Invalid Debug Argument' (a bad --inspect port), but an invalid inspector port is reported with code 9 and a busy one only prints a message. Node's source uses 12 (kInvalidCommandLineArgument2) for a few options checked after parsing: --disable-proto with a mode other than delete or throw, and --security-revert with an unknown CVE."
instead: Use --disable-proto=delete or --disable-proto=throw.
links: [https://nodejs.org/api/cli.html#--disable-protomode]
changes: [{in: '12.17.0', what: '--disable-proto exists, so a bad mode is exit code 12; before, Node refuses the unknown option with "bad option" and exit code 9 (13.x got it in 13.12.0)', link: 'https://nodejs.org/api/cli.html#--disable-protomode'}, {in: '13.12.0', what: 'the same on the 13.x line', link: 'https://nodejs.org/api/cli.html#--disable-protomode'}]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
console.log('script ran');

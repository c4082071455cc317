/*---
claim: "Building a startup snapshot (--build-snapshot) into a path that cannot be written runs the script, then fails with exit code 14 (Snapshot Failure) from Node 20 and code 1 before; stderr says 'Cannot open no-such-dir/snapshot.blob for writing a snapshot.'"
source: https://nodejs.org/api/process.html#exit-codes
tags: [exit-codes, exit]
node: '>=18.8'
flags: [--snapshot-blob=no-such-dir/snapshot.blob, --build-snapshot]
why: The snapshot is written after the entry script has run; the directory does not exist, so nothing is written. Node 20 introduced distinct exit codes for its own failures, among them 14 for snapshot building.
links: [https://nodejs.org/api/cli.html#--build-snapshot]
changes: [{in: '20.0.0', what: 'a snapshot that cannot be written ends the process with exit code 14 instead of 1', link: 'https://github.com/nodejs/node/pull/44746'}]
---*/
console.log('entry script ran');

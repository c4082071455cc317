/*---
claim: "A Node process killed by a signal it does not handle (here SIGTERM, sent to itself) has no exit code at all: its parent sees signal SIGTERM and status null, a shell reports 143 (128 + 15), and no 'exit' listener runs."
source: https://nodejs.org/api/process.html#exit-codes
tags: [exit-codes, signals, exit, child-process]
why: The documentation's '>128' exit codes are the shell's way of reporting a signal death (128 + the signal number); Node itself never exits with them. The default action of SIGTERM ends the process at once, so JavaScript (the 'exit' event, timers) never runs again.
instead: Add process.on('SIGTERM', ...) to shut down cleanly and exit with a code of your choice.
explains: {signal: 1}
---*/
var childProcess = require('child_process');
var path = require('path');

var child = path.join(__dirname, '_sigterm-self.js');
var direct = childProcess.spawnSync(process.execPath, [child], { encoding: 'utf8' });
console.log('child stdout: ' + direct.stdout.trim().split('\n').join(' | '));
console.log('parent sees: signal ' + direct.signal + ', status ' + direct.status);
var viaShell = childProcess.spawnSync('/bin/sh', ['-c', '"$0" "$1" > /dev/null; echo "shell sees $?"', process.execPath, child], { encoding: 'utf8' });
console.log(viaShell.stdout.trim());

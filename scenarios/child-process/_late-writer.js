// Child fixture: starts a grandchild that shares its stdout, prints the grandchild's pid, exits at once.
var spawn = require('child_process').spawn;
var grandchild = spawn(process.execPath, [__dirname + '/_write-on-signal.js'], { stdio: ['ignore', 'inherit', 'inherit'] });
grandchild.unref();
console.log('grandchild pid ' + grandchild.pid);

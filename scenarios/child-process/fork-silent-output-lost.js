/*---
claim: "A child forked with { silent: true } whose stdout and stderr the parent never reads: its console.log and console.error lines show up nowhere, and the parent still sees it exit with 0."
source: https://github.com/nodejs/node/issues/7974
tags: [child-process, output]
why: "silent: true gives the child pipes to the parent instead of the parent's own stdout and stderr. What the child writes waits in child.stdout and child.stderr; nothing copies it anywhere unless the parent reads those streams, and it is dropped when they close. (A child that writes more than the pipe holds blocks on it instead: child-process/unread-pipe-blocks.)"
instead: "With silent: true, read child.stdout and child.stderr (pipe them to process.stdout and process.stderr to show them); leave silent out to let the child write to the parent's stdout and stderr directly."
links: [https://nodejs.org/api/child_process.html#child_processforkmodulepath-args-options]
---*/
var cp = require('child_process');

if (process.argv[2] === 'child') {
  console.log('child: a line on stdout');
  console.error('child: a line on stderr');
} else {
  var child = cp.fork(__filename, ['child'], { silent: true });
  child.on('exit', function (code) {
    console.log('parent: child exited with code ' + code);
  });
}

/*---
claim: "readable.pipe(process.stdout) never ends stdout: once the source has ended, console.log() still prints, on a socket pair, a FIFO, a regular file and a terminal, on every Node version (stream.pipeline() does end it: output/pipeline-into-stdout-closes-it)."
source: https://github.com/nodejs/help/issues/1562; https://github.com/mafintosh/vintage-streams/issues/1; https://github.com/caolan/highland/pull/22; docs/research/user-report-candidates.md (C2)
tags: [output, streams]
stdio: [socket, pipe, file, tty]
why: "pipe() calls dest.end() when the source ends, except when the destination is process.stdout or process.stderr: Node leaves those open whatever the `end` option says, because a program keeps writing to them after any one source is done. stdout stays writable and undestroyed, so later output arrives on every kind."
---*/
var stream = require('stream');
var source = stream.Readable.from(['piped line\n']);
source.pipe(process.stdout);
source.on('end', function () {
  console.log('after the source ended');
  // Later still, from a timer: stdout is not ended, now or later.
  setTimeout(function () {
    console.log('100 ms later');
    process.stderr.write('stdout writable: ' + process.stdout.writable + ', destroyed: ' + process.stdout.destroyed + '\n');
  }, 100);
});

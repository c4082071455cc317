/*---
claim: "stream.pipeline(source, process.stdout, cb) ends process.stdout when the source ends: the console.log() lines after it are lost, exit code 0 and no error, when stdout is a socket pair or a FIFO, on every Node version from 13.13.0 (before, cb was never called). When stdout is a terminal the first later console.log() crashes the program with write EPIPE (exit code 1) from Node 18.0.0; when it is a regular file the later lines print again, from 16.7.0 all but the first and from 17.0.0 all of them."
source: https://github.com/nodejs/node/issues/33237; https://github.com/nodejs/node/issues/39447; https://github.com/nodejs/node/issues/34059; https://github.com/mafintosh/pump/issues/19; docs/research/user-report-candidates.md (C1)
tags: [output, streams]
stdio: [socket, pipe, file, tty]
why: "pipeline() ends its destination when the source ends, and destroys it, and process.stdout is no exception: it calls stdout.end(), which shuts down the writing side of a socket, a FIFO or a terminal. From 13.13.0 (nodejs/node#32373) pipeline waits for stdout to finish, so cb runs, but stdout is no longer writable and console.log() drops what it is given. Since 16.7.0 stdout undoes its destroy (nodejs/node#39685) yet stays ended; from 18.0.0 on a terminal a later write reaches the shut-down terminal and fails with EPIPE on a process.stdout that nothing listens to. A regular file has nothing to shut down, and its stream writes again (all of it from 17.0.0). Bun and Deno never end stdout: every line prints on every kind."
instead: "Pipe into stdout without ending it: source.pipe(process.stdout) (output/pipe-into-stdout-keeps-it), or pipeline(source, new Writable({ write(chunk, enc, cb) { process.stdout.write(chunk, cb); } }), cb). Never make process.stdout the last stream of a pipeline in a program that writes afterwards."
changes: [{in: '13.13.0', what: "pipeline()'s callback is called once stdout has finished (before, never), and process.stdout is then ended and destroyed. Bisected: 13.12.0 -> 13.13.0 on every kind", link: 'https://github.com/nodejs/node/pull/32373'}, {in: '16.7.0', what: 'process.stdout undoes its destroy (destroyed false); on a regular file the console.log() lines after the first one print again. Bisected: 16.6.2 -> 16.7.0 on every kind', link: 'https://github.com/nodejs/node/pull/39685'}, {in: '17.0.0', what: 'on a regular file every console.log() after the pipeline prints, the first one too. Bisected: 16.20.2 -> 17.0.0; the exact commit is not pinned down', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V17.md#17.0.0'}, {in: '18.0.0', what: 'on a terminal the console.log() after the pipeline crashes the program with write EPIPE (exit code 1) instead of being dropped. Bisected: 17.9.1 -> 18.0.0; the exact commit is not pinned down', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V18.md#18.0.0'}]
---*/
var stream = require('stream');
// A PassThrough holding one line, ended: a source every Node from 12 has (Readable.from came in 12.3).
var source = new stream.PassThrough();
source.end('piped line\n');
stream.pipeline(source, process.stdout, function (err) {
  process.stderr.write('pipeline callback: ' + (err ? err.code || err.message : 'no error') + '\n');
  console.log('after pipeline');
  setTimeout(function () {
    console.log('100 ms later');
    process.stderr.write('stdout writable: ' + process.stdout.writable + ', destroyed: ' + process.stdout.destroyed + '\n');
  }, 100);
});

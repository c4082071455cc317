/*---
claim: "When stdout is a regular file (> file), right after one 1 MiB process.stdout.write() process.stdout.writableLength is 0 on Node: the write was done before write() returned, so nothing is left to lose at process.exit()."
source: https://nodejs.org/api/process.html#a-note-on-process-io; docs/research/user-report-candidates.md (C10); https://github.com/go-to-k/cdk-real-drift/issues/866; https://github.com/mattpocock/course-video-manager/issues/1467
tags: [output, streams]
stdio: file
why: "A regular file is written synchronously by Node (a SyncWriteStream, output/stdout-stream-file), so a file never loses output to process.exit(): the same program that loses its end through a pipe keeps all of it with > file."
instead: "Do not rely on it: the same code run with stdout a pipe (a CI runner, | less) loses output at process.exit(); set process.exitCode and let the process end."
---*/
// The 1 MiB is a terminal's colour reset code (ESC [ 0 m) written 262144 times: bytes like any
// others to the stream, and removed from the observation by the harness's normalising, so that the
// page shows the one line that matters. The line goes to stdout after the whole write.
process.stdout.write('\x1b[0m'.repeat(1 << 18));
console.log('writableLength right after a 1 MiB write: ' + (process.stdout.writableLength === 0 ? '0' : 'more than 0'));

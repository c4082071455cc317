/*---
claim: "When stdout is a FIFO (a shell pipe, a CI runner, a container log), right after one 1 MiB process.stdout.write() process.stdout.writableLength is more than 0: the write is still queued inside the process, to go out as the reader drains it."
source: https://nodejs.org/api/process.html#a-note-on-process-io; docs/research/user-report-candidates.md (C10); https://github.com/go-to-k/cdk-real-drift/issues/866; https://github.com/mattpocock/course-video-manager/issues/1467
tags: [output, streams]
stdio: pipe
why: "On Linux Node writes to a pipe or a socket asynchronously: write() hands the kernel what fits in its buffer (64 KiB for a pipe, a few hundred KiB for a socket pair) and queues the rest in the process (writableLength counts it). That queue is what process.exit() discards (output/exit-after-write-stdout), and why output cut short at exit is reported for pipes and never for files."
instead: "Do not call process.exit() while writableLength is above 0: set process.exitCode and let the process end, or exit from the write() callback."
---*/
// The 1 MiB is a terminal's colour reset code (ESC [ 0 m) written 262144 times: bytes like any
// others to the stream, and removed from the observation by the harness's normalising, so that the
// page shows the one line that matters. The line goes to stdout after the whole write.
process.stdout.write('\x1b[0m'.repeat(1 << 18));
console.log('writableLength right after a 1 MiB write: ' + (process.stdout.writableLength === 0 ? '0' : 'more than 0'));

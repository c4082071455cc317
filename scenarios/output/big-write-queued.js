/*---
claim: "Right after one 1 MiB process.stdout.write(), process.stdout.writableLength is more than 0 when stdout is a socket pair or a FIFO (the write is still queued inside the process) and 0 when it is a regular file or a terminal (the write was done before write() returned), on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io; docs/research/user-report-candidates.md (C10); https://github.com/go-to-k/cdk-real-drift/issues/866; https://github.com/mattpocock/course-video-manager/issues/1467
tags: [output, streams]
stdio: [socket, pipe, file, tty]
timeout: 30000
why: "On POSIX Node writes to a pipe or a socket asynchronously: write() hands the kernel what fits in its buffer (64 KiB for a pipe, a few hundred KiB for a socket pair) and queues the rest in the process (writableLength counts it). That queue is what process.exit() discards (output/exit-after-big-write), and why output cut short at exit is reported for pipes and never for files. A regular file (a SyncWriteStream) and a terminal (a tty.WriteStream in blocking mode) are written synchronously: nothing is ever left queued. Bun and Deno write a pipe or a socket synchronously; Deno is the one that queues on a terminal."
instead: "Do not call process.exit() while writableLength is above 0: set process.exitCode and let the process end, or exit from the write() callback. Do not take a run by hand in a terminal, or with > file, as proof: CI's stdout is a pipe."
---*/
// The 1 MiB is a terminal's colour reset code (ESC [ 0 m) written 262144 times: bytes like any
// others to the stream, and removed from the observation by the harness's normalising, so that the
// page shows the one line that matters. The line goes to stdout after the whole write.
// The process then ends only once the reader has taken all of it: through a FIFO or a terminal
// (script relays it) that takes under 3 s alone, but over 10 s in a matrix run on a machine with a
// load average of 40 on 2 cores, hence the time limit of 30 s (a claim about a hang it is not).
process.stdout.write('\x1b[0m'.repeat(1 << 18));
console.log('writableLength right after a 1 MiB write: ' + (process.stdout.writableLength === 0 ? '0' : 'more than 0'));

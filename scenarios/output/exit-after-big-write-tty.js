/*---
claim: "When stdout is a terminal (a pseudo-terminal), process.exit() right after a 1 MiB process.stdout.write() and a console.log() loses nothing: the line after the big write arrives, on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io; docs/research/user-report-candidates.md (C10, Surprising findings); https://github.com/go-to-k/cdk-real-drift/issues/866; https://github.com/mattpocock/course-video-manager/issues/1467; https://github.com/nodejs/node/issues/3669
tags: [output, exit, streams]
stdio: tty
why: "On POSIX Node writes to a terminal synchronously, so process.exit() finds nothing queued (output/big-write-queued-tty): run by hand in a terminal, the program prints everything, and the same program loses its end in CI, where stdout is a pipe (output/exit-after-big-write-pipe)."
instead: "Do not rely on it: the same code run with stdout a pipe loses output. Set process.exitCode and let the process end by itself."
---*/
// The 1 MiB is a terminal's colour reset code (ESC [ 0 m) written 262144 times: bytes like any
// others to the stream, and removed from the observation by the harness's normalising, so that the
// page shows only whether the line after it arrived.
process.stdout.write('\x1b[0m'.repeat(1 << 18));
console.log('the line after the big write');
process.exit(0);

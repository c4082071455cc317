/*---
claim: "process.exit() right after a 1 MiB process.stdout.write() and a console.log() loses the line after the big write when stdout is a socket pair or a FIFO, and keeps it when stdout is a regular file or a terminal, on every Node version: exit code 0 and no error either way."
source: https://nodejs.org/api/process.html#a-note-on-process-io; docs/research/user-report-candidates.md (C10); https://github.com/go-to-k/cdk-real-drift/issues/866; https://github.com/mattpocock/course-video-manager/issues/1467
tags: [output, exit, streams]
stdio: [socket, pipe, file, tty]
why: "Node writes a pipe or a socket asynchronously on POSIX: what the kernel does not take at once is queued in the process (output/big-write-queued), and process.exit() ends the process without writing that queue. The console.log() line is queued behind the big write, so it is lost with it. A regular file and a terminal are written synchronously, so process.exit() finds nothing queued: run by hand in a terminal or with > out.log the program prints everything, and the same program loses its end in CI, where stdout is a pipe. Bun and Deno write synchronously here: everything arrives on every kind."
instead: "Set process.exitCode and let the process end by itself (output/exitcode-natural-end), or call process.exit() from the last write()'s callback."
explains: {exit-lost-stdout: 2, exit-lost-stdout-after-write: 1}
---*/
// The 1 MiB is a terminal's colour reset code (ESC [ 0 m) written 262144 times: bytes like any
// others to the stream, and removed from the observation by the harness's normalising, so that the
// page shows only whether the line after it arrived.
process.stdout.write('\x1b[0m'.repeat(1 << 18));
console.log('the line after the big write');
process.exit(0);

/*---
claim: "When stdout is a FIFO (a shell pipe, a CI runner, a container log), process.exit() right after a 1 MiB process.stdout.write() and a console.log() loses the end of the output: the line after the big write never arrives, on every Node version."
source: https://nodejs.org/api/process.html#a-note-on-process-io; docs/research/user-report-candidates.md (C10, Surprising findings); https://github.com/go-to-k/cdk-real-drift/issues/866; https://github.com/mattpocock/course-video-manager/issues/1467; https://github.com/nodejs/node/issues/3669
tags: [output, exit, streams]
stdio: pipe
why: "Node writes a pipe or a socket asynchronously on POSIX: what the kernel does not take at once is queued in the process (output/big-write-queued-pipe), and process.exit() ends the process without writing that queue. The console.log() line is queued behind the big write, so it is lost with it, exit code 0 and no error. Bun and Deno write synchronously here: everything arrives."
instead: "Set process.exitCode and let the process end by itself (output/exitcode-natural-end), or call process.exit() from the last write()'s callback."
---*/
// The 1 MiB is a terminal's colour reset code (ESC [ 0 m) written 262144 times: bytes like any
// others to the stream, and removed from the observation by the harness's normalising, so that the
// page shows only whether the line after it arrived.
process.stdout.write('\x1b[0m'.repeat(1 << 18));
console.log('the line after the big write');
process.exit(0);

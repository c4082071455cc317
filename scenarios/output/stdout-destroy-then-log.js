/*---
claim: "After process.stdout.destroy(), console.log() prints again from Node 16.7.0 (destroy() of stdout is undone at once: destroyed stays false), on every kind of stdout. Before 16.7.0 the stream is destroyed for good: every later console.log() is silently lost, exit code 0; and when stdout is a regular file, Node 13 instead crashes on the first console.log() with ERR_STREAM_DESTROYED (exit code 1)."
source: https://github.com/nodejs/node/issues/39447; docs/research/user-report-candidates.md (C9)
tags: [output, streams]
stdio: [socket, pipe, file, tty]
why: "Libraries call destroy() on the stream they were handed (a pipeline's destination, a prompt library muting output), and that stream is often process.stdout. Node never closes fds 1 and 2, and since 16.7.0 (nodejs/node#39685) stdout's _destroy() undestroys the stream, so output goes on. Before it, destroy() left the stream destroyed: console.log() wrote nothing and said nothing, except on Node 13, whose SyncWriteStream (a file's stdout) emitted ERR_STREAM_DESTROYED with no listener. Bun and Deno behave as Node 16.7+."
instead: "Do not destroy process.stdout, nor hand it to code that destroys its destination (stream.pipeline() with stdout last: output/pipeline-into-stdout-closes-it); on Node before 16.7 write to a fresh stream on fd 1 (fs.createWriteStream(null, { fd: 1 })) if you must."
changes: [{in: '13.0.0', what: 'with stdout a regular file, console.log() after process.stdout.destroy() emits ERR_STREAM_DESTROYED on the SyncWriteStream and the process crashes (exit code 1); on other kinds it is still lost silently. Bisected: 12.22.12 -> 13.0.0', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V13.md#13.0.0'}, {in: '14.0.0', what: 'with stdout a regular file the write after destroy() is lost silently again, exit code 0. Bisected: 13.14.0 -> 14.0.0', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V14.md#14.0.0'}, {in: '16.7.0', what: "process.stdout's destroy() undoes itself (_undestroy() in its _destroy): console.log() after it prints, destroyed stays false. Bisected: 16.6.2 -> 16.7.0 on every kind", link: 'https://github.com/nodejs/node/pull/39685'}]
---*/
process.stdout.destroy();
console.log('console.log after process.stdout.destroy()');
// Later still, from a timer: whether stdout came back or stays destroyed, it does not change in the meantime.
setTimeout(function () {
  console.log('100 ms later');
  process.stderr.write('stdout destroyed: ' + process.stdout.destroyed + '\n');
}, 100);

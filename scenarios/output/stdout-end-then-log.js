/*---
claim: "A console.log() after process.stdout.end() crashes the program with write EPIPE (exit code 1) from Node 16.7.0 when stdout is a socket pair, a FIFO or a terminal; on a regular file the line right after end() is lost and a later one prints. Before 16.7.0 every later line is lost silently (exit code 0), except on a regular file under Node 12 and 13, which crash with ERR_STREAM_WRITE_AFTER_END."
source: https://github.com/nodejs/node/issues/9403; https://github.com/nodejs/node/issues/39447; docs/research/user-report-candidates.md (C8)
tags: [output, streams]
stdio: [socket, pipe, file, tty]
why: "end() on process.stdout shuts down the writing side of the pipe, socket or terminal, and the stream then destroys itself. Since 16.7.0 (nodejs/node#39685) stdout's destroy undoes itself, so a later write reaches the shut-down descriptor and fails with EPIPE, emitted as an 'error' on process.stdout that nothing listens to. A regular file has nothing to shut down: its SyncWriteStream, undestroyed, writes again, but the first write after end() is refused. Before 16.7.0 the stream stayed destroyed and every later write was dropped without a word; Node 12 and 13 emitted ERR_STREAM_WRITE_AFTER_END on a file's SyncWriteStream instead. Bun and Deno never refuse: every line prints."
instead: "Never end process.stdout: wait for the last write's callback (or the 'drain' event) instead, and let the process end by itself. A library that ends its output stream must not be handed process.stdout."
changes: [{in: '14.0.0', what: 'with stdout a regular file, a write after process.stdout.end() is dropped silently (exit code 0) instead of crashing with ERR_STREAM_WRITE_AFTER_END. Bisected: 13.14.0 -> 14.0.0', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V14.md#14.0.0'}, {in: '16.7.0', what: "process.stdout's destroy() undoes itself: after end() a write reaches the shut-down pipe, socket or terminal and crashes with EPIPE; on a regular file the writes after the first print again. Bisected: 16.6.2 -> 16.7.0 on every kind", link: 'https://github.com/nodejs/node/pull/39685'}]
---*/
process.stdout.end();
console.log('console.log after process.stdout.end()');
// Later still, from a timer: once end() has finished shutting the stream down.
setTimeout(function () {
  console.log('100 ms later');
  process.stderr.write('stdout writable: ' + process.stdout.writable + ', destroyed: ' + process.stdout.destroyed + '\n');
}, 100);

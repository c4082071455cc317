/*---
claim: "A child that process.send()s a short message and then an 8 MiB one and calls process.exit() at once: the parent gets the short message and never the big one, with no error, on every Node version."
source: https://github.com/nodejs/node/issues/36268
tags: [child-process, exit]
why: "process.send() writes the serialised message to the IPC channel the way a stream writes: what the kernel takes at once (a short message, all of it) is sent, the rest is queued in the child. process.exit() discards the queue, so the parent receives a partial 8 MiB message, which it can never decode, and then the channel's end. Deno loses even the short message (denoland/deno#33085 reports it as flaky; it was lost in every run here)."
instead: "Exit from the callback of the last process.send(), or let the child end by itself: a natural exit waits for the IPC queue."
links: [https://github.com/nodejs/node/issues/6767, https://github.com/denoland/deno/issues/33085, https://nodejs.org/api/process.html#processsendmessage-sendhandle-options-callback]
---*/
var cp = require('child_process');
var SIZE = 8 * 1024 * 1024;

if (process.argv[2] === 'child') {
  process.send({ small: 'a short message' });
  process.send({ big: 'x'.repeat(SIZE) });
  process.exit(0);
} else {
  var child = cp.fork(__filename, ['child']);
  child.on('message', function (m) {
    console.log('parent: got ' + (m.small ? 'the short message' : 'the 8 MiB message'));
  });
  child.on('exit', function (code) {
    console.log('parent: child exited with code ' + code);
  });
}

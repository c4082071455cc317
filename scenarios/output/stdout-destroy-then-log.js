/*---
claim: "After process.stdout.destroy(), console.log() prints nothing and throws nothing up to 16.6 (the lines are silently lost, exit 0); from 16.7 destroy() leaves stdout usable and every later line is printed."
source: https://github.com/nodejs/node/issues/39447
tags: [output, streams]
changes: [{in: '16.7.0', what: 'process.stdout.destroy() undoes itself (process.stdout.destroyed stays false): console.log() after it prints again', link: 'https://github.com/nodejs/node/pull/39685'}]
why: "Node never closes the file descriptor behind process.stdout, but up to 16.6 destroy() still marked the stream destroyed, and a destroyed stream drops every later write; console.log() ignores the error, so the output vanished with no sign. Code that destroys every stream it was handed once it is done with it, a common clean-up in stream libraries, did this to stdout. From 16.7 stdout and stderr revert their own destruction. (On 13.x with a regular file as stdout, the dropped write instead crashed with ERR_STREAM_DESTROYED.)"
instead: "Never destroy process.stdout or make it the destination of something that destroys its destination; to stop writing, stop calling write()."
links: [https://github.com/nodejs/node/pull/39685, https://nodejs.org/api/process.html#processstdout]
---*/
console.log('stdout: before destroy()');
process.stdout.destroy();
console.log('stdout: after destroy()');
console.error('stderr: stdout destroyed: ' + process.stdout.destroyed);
setTimeout(function () {
  console.log('stdout: 20 ms later');
  console.error('stderr: the end');
}, 20);

/*---
claim: "process.on('SIGKILL', ...) and process.on('SIGSTOP', ...) throw at once (uv_signal_start EINVAL): these two signals cannot be listened for."
source: https://nodejs.org/api/process.html#signal-events
tags: [signals, errors]
why: "The operating system never lets a process catch, block or ignore SIGKILL and SIGSTOP, so libuv refuses to install a handler for them and the error surfaces synchronously from process.on()."
instead: "Handle SIGTERM (what orchestrators send first) and keep clean-up short enough to finish before the SIGKILL that follows it."
---*/
for (const name of ['SIGKILL', 'SIGSTOP']) {
  try {
    process.on(name, () => {});
    console.log(`${name}: listener added`);
  } catch (err) {
    console.log(`${name}: ${err.code} (${err.message})`);
  }
}

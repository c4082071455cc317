/*---
claim: "process.stdout.clearLine(), cursorTo() and columns exist only when stdout is a terminal: on a socket pair, a FIFO or a regular file they are undefined, and a progress bar's process.stdout.clearLine(0) crashes the program with TypeError: process.stdout.clearLine is not a function (exit code 1), on every Node version. On a terminal the same program runs to its end."
source: https://github.com/wgrabowski/ngx-unused/issues/8; https://github.com/egoist/poi/issues/61; https://github.com/hapipal/hpal-debug/issues/6; https://github.com/privatenumber/terminal-columns/issues/6; https://github.com/earendil-works/pi/issues/4004; docs/research/user-report-candidates.md (F14)
tags: [output, errors]
stdio: [socket, pipe, file, tty]
why: "clearLine, cursorTo, moveCursor, getWindowSize and columns are methods and properties of tty.WriteStream, the class process.stdout has only on a terminal (output/stdout-stream). Elsewhere process.stdout is a net.Socket or a SyncWriteStream, which has none of them: a CLI whose progress bar works in a terminal crashes the moment its output goes to | tee, a CI runner or a parent's child_process pipe."
instead: "Check process.stdout.isTTY before using terminal methods (if (process.stdout.isTTY) process.stdout.clearLine(0)), and do not assume columns is a number: fall back to a fixed width (process.stdout.columns || 80)."
---*/
console.log('clearLine: ' + typeof process.stdout.clearLine + ', cursorTo: ' + typeof process.stdout.cursorTo + ', columns: ' + typeof process.stdout.columns);
process.stdout.clearLine(0);
process.stdout.cursorTo(0);
console.log('cleared the line');

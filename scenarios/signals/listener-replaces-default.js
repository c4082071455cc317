/*---
claim: "A 'SIGTERM' listener that only logs replaces the default action: the process survives the signal, its server keeps listening, and it ends only when the server is closed (exit code 0)."
source: https://nodejs.org/api/process.html#signal-events
tags: [signals, shutdown, http]
why: "Installing a listener removes Node's default behaviour for SIGTERM and SIGINT (ending the process). If the listener does not close what keeps the loop alive, or call process.exit(), the signal is effectively ignored; an orchestrator then waits out its grace period and sends SIGKILL."
instead: "In a SIGTERM listener, close the servers, timers and connections that keep the loop alive (or call process.exit() once clean-up is done)."
---*/
const http = require('http');

process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => {
  process.on('SIGTERM', () => {
    console.log('SIGTERM listener ran; it closes nothing');
    setImmediate(() => {
      console.log(`after the listener: still running, server listening = ${server.listening}`);
      server.close(() => console.log('server closed'));
    });
  });
  console.log('listening; sending SIGTERM to myself');
  process.kill(process.pid, 'SIGTERM');
});

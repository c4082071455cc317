/*---
claim: "A 'SIGTERM' listener that closes the server lets the process end by itself: 'exit' listeners run and the exit code is 0, not a signal."
source: https://nodejs.org/api/process.html#signal-events
tags: [signals, shutdown, http, exit-codes]
why: "Once the listener has closed the only handle that kept the loop alive, the process ends the normal way: the loop empties, 'exit' fires, and the code is process.exitCode (0 unless set). The parent therefore sees a clean exit, not a death by SIGTERM."
instead: "Set process.exitCode in the listener if the parent should tell a shutdown by signal from a normal end (128 + 15 = 143 is the shell convention)."
---*/
const http = require('http');

process.on('exit', (code) => {
  console.log(`exit with code ${code}`);
});

const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => {
  process.on('SIGTERM', () => {
    console.log('SIGTERM: closing the server');
    server.close(() => console.log('server closed'));
  });
  console.log('listening; sending SIGTERM to myself');
  process.kill(process.pid, 'SIGTERM');
});

/*---
claim: "agent.destroy() after the last response closes the client's idle keep-alive connection, so server.close() in the same process completes at once on every Node version."
source: https://nodejs.org/api/http.html#agentdestroy
tags: [http, network, keep-alive, shutdown]
why: "Before Node 19, server.close() waited for idle keep-alive connections (see signals/server-close-idle-keepalive). Closing them from the client side with agent.destroy() ends them at once, whatever the server does."
---*/
const http = require('http');

const agent = new http.Agent({ keepAlive: true });
const server = http.createServer({ keepAliveTimeout: 60000 }, (req, res) => res.end('ok'));
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port, agent }, (res) => {
    res.resume();
    res.on('end', () => {
      console.log('response read; destroying the agent, closing the server');
      // A wide margin: this line never prints unless close() waits for something.
      const guard = setTimeout(() => console.log('server still not closed 5 s later'), 5000);
      agent.destroy();
      server.close(() => {
        clearTimeout(guard);
        console.log('server closed');
      });
    });
  });
});
process.on('exit', (code) => console.log(`exit with code ${code}`));

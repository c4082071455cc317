/*---
claim: "With a keep-alive agent limited to one socket, a response whose body is never read blocks the next request: it gets no response until the first one is destroyed."
source: https://nodejs.org/api/http.html#agentmaxsockets
tags: [http, network, keep-alive]
why: "A socket returns to the agent's pool only when its response has ended, and an unread body never ends. With maxSockets reached, later requests wait in the agent's queue for a socket that never comes back."
instead: "Consume every body (res.resume() if you do not need it), or destroy the response."
---*/
const http = require('http');

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const server = http.createServer((req, res) => res.end(`answer to ${req.url}`));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  http.get({ host: '127.0.0.1', port, path: '/first', agent }, (first) => {
    console.log('first response: body never read');
    const guard = setTimeout(() => {
      console.log('1 s later the second request still has no response; destroying the first response');
      first.destroy();
    }, 1000);
    http.get({ host: '127.0.0.1', port, path: '/second', agent }, (second) => {
      clearTimeout(guard);
      second.setEncoding('utf8');
      second.on('data', (d) => console.log(`second response: ${d}`));
      second.on('end', () => {
        agent.destroy();
        server.close();
      });
    });
  });
});

/*---
claim: "An idle keep-alive connection that the server resets after the response has been read does not crash the client, which has no 'error' listener on it: the socket closes, leaves the agent's pool, and the process exits 0. (The server resets with socket.resetAndDestroy(), from 16.17 and 18.3.)"
source: https://github.com/nodejs/node/issues/3595; https://github.com/node-modules/agentkeepalive/issues/25; https://github.com/request/request/issues/1870
tags: [http, network, keep-alive, errors]
node: '>=16.17 <17 || >=18.3'
why: "Between requests a pooled socket belongs to no request, so no application listener could see its errors. The http.Agent adds an 'error' listener of its own to each free socket (since Node 4.4 / 5.4, after the crashes of nodejs/node#3595) and drops the socket from the pool when it closes; the next request opens a new connection."
instead: "Nothing is needed for idle sockets. A request that is sent on a socket the server is closing at that moment can still fail with ECONNRESET: retry idempotent requests, or set the agent's keep-alive timeout below the server's."
links: [https://nodejs.org/api/http.html#class-httpagent, https://nodejs.org/api/net.html#socketresetanddestroy]
---*/
var http = require('http');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var serverSide = null;
var server = http.createServer(function (req, res) {
  serverSide = req.socket;
  res.end('ok');
});
server.listen(0, '127.0.0.1', function () {
  var agent = new http.Agent({ keepAlive: true });
  var name = '127.0.0.1:' + server.address().port + ':';
  http.get({ host: '127.0.0.1', port: server.address().port, path: '/', agent: agent }, function (res) {
    var clientSide = res.socket;
    res.resume();
    res.on('end', function () {
      setImmediate(function () {
        console.log('response read; idle sockets in the pool: ' + (agent.freeSockets[name] || []).length + '; the server resets the connection');
        // Pooled sockets are unref'd: this guard keeps the process up until the socket closes.
        var guard = setTimeout(function () {
          console.log('5 s later the idle socket is still open');
        }, 5000);
        clientSide.on('close', function () {
          clearTimeout(guard);
          console.log('idle socket closed; idle sockets in the pool: ' + (agent.freeSockets[name] || []).length);
        });
        // Reset first: from Node 19 server.close() itself ends idle connections (with a FIN).
        serverSide.resetAndDestroy();
        server.close();
      });
    });
  });
});

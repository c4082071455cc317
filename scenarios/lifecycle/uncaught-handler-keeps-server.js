/*---
claim: "With an 'uncaughtException' listener, an HTTP request handler that throws does not stop the server: the listener gets the error, the client of that request gets no response at all (still none 300 ms later, its socket left open), and the next request is answered normally; the process exits with code 0 once everything is closed."
source: https://github.com/expressjs/express/issues/800
tags: [uncaughtException, http, network, errors]
why: "The throw leaves the request callback before it ever calls res.end(); Node raises it as an uncaught exception, and the listener's presence means the process goes on. Nothing else knows the request failed: the server does not answer for the handler, so that response stays pending with its socket open until a timeout (the server's or the client's) or the client gives up, while the server keeps accepting and serving other requests."
instead: "Catch errors inside the handler and answer (a 500) there; treat 'uncaughtException' as a place to log and exit, not to keep serving: after an unknown throw the process's state is unknown too."
links: [https://github.com/nodejs/node/issues/11414, https://nodejs.org/api/process.html#warning-using-uncaughtexception-correctly]
---*/
var http = require('http');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});
process.on('uncaughtException', function (err) {
  console.log('uncaughtException: ' + err.message);
});

var server = http.createServer(function (req, res) {
  if (req.url === '/boom') throw new Error('handler failed for /boom');
  res.end('ok');
});

// Calls done(text) once: with the status and body of the response, or with "no response after <ms> ms".
function get(path, ms, done) {
  var finished = false;
  function finish(text) {
    if (finished) return;
    finished = true;
    done(text);
  }
  var req = http.get({ host: '127.0.0.1', port: server.address().port, path: path, agent: false }, function (res) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function (d) { body += d; });
    res.on('end', function () { finish(res.statusCode + ' ' + JSON.stringify(body)); });
  });
  req.on('error', function (err) { finish('error ' + err.code); });
  req.setTimeout(ms, function () {
    finish('no response after ' + ms + ' ms');
    req.destroy();
  });
}

server.listen(0, '127.0.0.1', function () {
  // 300 ms with no response to /boom: the server has not answered and will not (the answer to a
  // healthy request takes a few ms). /ok gets 5 s, a guard that a loaded machine never reaches.
  get('/boom', 300, function (text) {
    console.log('GET /boom: ' + text);
    get('/ok', 5000, function (text2) {
      console.log('GET /ok: ' + text2);
      server.close();
    });
  });
});

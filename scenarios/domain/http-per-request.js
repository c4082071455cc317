/*---
claim: In an HTTP server created inside a server domain, a per-request domain (requestDomain.add(req), add(res), then run) catches an asynchronous throw from one request's handler and answers it with 500 `Error occurred, sorry.`; the server keeps serving the next request (200), then closes, and the process exits with code 0.
source: seeds/003_43754586e9320e59.txt (암묵적 바인딩과 명시적 바인딩, the per-request domain HTTP server); https://nodejs.org/api/domain.html#explicit-binding
tags: [article, domain, http, errors]
why: req and res are created while serverDomain is active, so they are bound to it implicitly. requestDomain.add() rebinds them to the request's own domain, and requestDomain.run() makes the handler's timers belong to it too, so the throw, the request's and the response's errors all land in the one place that still holds this request's res to answer with 500. Other connections are untouched.
instead: Handle errors per request with explicit code (try/catch around awaited work, error middleware) and answer 500 from there; restart the process after truly unexpected errors.
links: [https://nodejs.org/api/domain.html#explicit-binding, https://nodejs.org/api/domain.html#domainaddemitter]
---*/
// The server half is the article's (Node docs') example; the client half (same process) sends
// two requests one after the other and prints what it saw. Port 0: the OS picks a free port.
var domain = require('domain');
var http = require('http');

process.on('exit', function (code) {
  console.log('exit event: ' + code);
});

// 서버에 대한 최상위 도메인을 생성
var serverDomain = domain.create();
serverDomain.on('error', function (er) {
  console.log('serverDomain error (not expected): ' + er.message);
});

var server;
serverDomain.run(function () {
  // http서버는 serverDomain에 암묵적으로 바인딩된다.
  server = http.createServer(function (req, res) {
    // 요청마다 다른 도메인을 사용하길 원한다면 먼저 새로운 도메인을 생성한후,
    var requestDomain = domain.create();
    // 아래와 같이 새로운 도메인에 명시적으로 바인딩해주면 된다.
    requestDomain.add(req);
    requestDomain.add(res);
    // 요청마다 발생한 오류는 requestDomain 컨텍스트에서 처리된다.
    requestDomain.on('error', function (er) {
      console.log('[server] requestDomain error: ' + er.message + ' ' + req.url);
      try {
        res.writeHead(500);
        res.end('Error occurred, sorry.');
      } catch (er2) {
        console.log('[server] Error sending 500: ' + er2.message + ' ' + req.url);
      }
    });
    requestDomain.run(function () {
      if (req.url === '/fail') {
        // An asynchronous failure: no try/catch around the handler could see it.
        setTimeout(function () {
          throw new Error('handler failed later');
        }, 1);
      } else {
        res.writeHead(200);
        res.end('ok ' + req.url);
      }
    });
  });
  server.listen(0, '127.0.0.1', sendRequests);
});

function get(path, done) {
  // agent: false -> a fresh agent without keep-alive, so no idle socket keeps server.close() waiting.
  http.get({ host: '127.0.0.1', port: server.address().port, path: path, agent: false }, function (res) {
    var body = '';
    res.setEncoding('utf8');
    res.on('data', function (chunk) { body += chunk; });
    res.on('end', function () {
      console.log('[client] ' + path + ' -> ' + res.statusCode + ' ' + JSON.stringify(body));
      done();
    });
  });
}

function sendRequests() {
  get('/fail', function () {
    get('/hello', function () {
      server.close(function () {
        console.log('[server] closed');
      });
    });
  });
}

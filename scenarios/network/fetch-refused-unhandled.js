/*---
claim: "An un-awaited fetch() to a loopback port where nothing listens is an unhandled rejection that crashes the process with exit code 1: the report reads `TypeError: fetch failed`, and the reason, `connect ECONNREFUSED 127.0.0.1:<port>`, appears only in its `[cause]`."
source: https://github.com/vercel/next.js/issues/49896; https://github.com/The-Vibe-Company/quivr/issues/1827; https://github.com/The-Vibe-Company/quivr/issues/2351
node: '>=18'
tags: [network, http, rejections, errors, exit-codes]
why: "fetch() never throws or emits: every failure rejects its promise, and Node's fetch (undici) rejects with one generic TypeError whatever went wrong, keeping the network error in err.cause. A rejection nobody handles ends the process (the default since Node 15), so logs show `fetch failed` first and the refused connection only in the printed cause."
instead: "await fetch() inside try/catch (or add .catch()), and log err.cause (its code: ECONNREFUSED, ENOTFOUND, ...) as well as err.message."
links: [https://nodejs.org/api/globals.html#fetch, https://nodejs.org/api/cli.html#--unhandled-rejectionsmode]
changes:
  - {in: '18.1.0', what: "the printed cause is the connection error (18.0.0 printed `cause: Error: [object Object]`)", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V18.md#18.1.0'}
  - {in: '18.13.0', what: 'fetch() no longer prints an ExperimentalWarning (backport of the 19.1.0 change)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V18.md#18.13.0'}
  - {in: '19.1.0', what: 'fetch() no longer prints an ExperimentalWarning', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V19.md#19.1.0'}
  - {in: '20.13.0', what: 'the cause is printed as `[cause]:` (an undici update sets it as a non-enumerable property; backport of the 21.7.0 change)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V20.md#20.13.0'}
  - {in: '21.7.0', what: 'the cause is printed as `[cause]:` (an undici update sets it as a non-enumerable property)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V21.md#21.7.0'}
  - {in: '24.14.0', what: 'the report starts `[TypeError: fetch failed] {`: the TypeError carries no stack of its own (an undici update; backport of the 25.6.1 change)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V24.md#24.14.0'}
  - {in: '25.6.1', what: 'the report starts `[TypeError: fetch failed] {`: the TypeError carries no stack of its own (an undici update)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V25.md#25.6.1'}
---*/
var net = require('net');

process.on('exit', function (code) {
  console.log('exit listener: code ' + code);
});

var probe = net.createServer();
probe.listen(0, '127.0.0.1', function () {
  var port = probe.address().port;
  probe.close(function () {
    fetch('http://127.0.0.1:' + port + '/');
    console.log('fetch() returned a promise');
  });
});

/*---
claim: A throw inside a `.then` callback escapes a `try/catch` around it but becomes a promise rejection, not an exception; before Node 15 it only prints an UnhandledPromiseRejectionWarning and the process exits 0, from Node 15 the unhandled rejection crashes the process with exit code 1.
source: seeds/003_43754586e9320e59.txt (비동기 코드), with a promise in place of setTimeout; https://nodejs.org/api/cli.html#--unhandled-rejectionsmode
tags: [article, errors, try-catch, promise, rejections, exit]
why: "The `.then` callback runs as a microtask after the `try` block has ended. What it throws rejects the promise that `.then` returned; nobody handles that promise. Node's default for unhandled rejections was `warn` (print a warning and a deprecation notice, keep going) until 15.0.0, when it became `throw`: the rejection is raised as an uncaught exception, which ends the process with code 1."
instead: End every promise chain with `.catch`, or `await` it inside an async function's try/catch.
links: [https://nodejs.org/api/process.html#event-unhandledrejection, https://nodejs.org/api/cli.html#--unhandled-rejectionsmode]
changes: [{in: '12.16.0', what: 'the UnhandledPromiseRejectionWarning ends with "To terminate the node process on unhandled promise rejection, use the CLI flag `--unhandled-rejections=strict`" and a link to its documentation (13.x got it in 13.5.0; 13.0.0 to 13.4.0 print like 12.15.0)', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '13.5.0', what: 'the same warning text on the 13.x line', link: 'https://github.com/nodejs/node/pull/30564'}, {in: '15.0.0', what: 'unhandled rejections became fatal by default (--unhandled-rejections=throw): exit code 1 instead of a warning and exit 0', link: 'https://github.com/nodejs/node/pull/33021'}, {in: '17.0.0', what: 'the fatal error report on stderr ends with a blank line and `Node.js v<version>`', link: 'https://github.com/nodejs/node/pull/38332'}]
explains: {crash-then: 1, crash-rejection: 2}
---*/
try {
  Promise.resolve().then(function () {
    throw new Error('오류 핸들링 테스트');
  });
} catch (exception) {
  console.log('caught: ' + exception.message);
}
console.log('end of script');

/*---
claim: "signal.throwIfAborted() throws the signal's reason itself (here the string given to abort()), not an AbortError: a catch that only looks for err.name === 'AbortError' misses it."
source: https://nodejs.org/api/globals.html#abortsignalthrowifaborted
tags: [abort, errors, try-catch]
node: '>=16.17 <17 || >=17.3'
why: throwIfAborted throws signal.reason unchanged; only abort() without a reason makes that reason a DOMException named AbortError.
instead: Abort with an Error (or no reason), or check signal.aborted before assuming what was thrown.
links: [https://github.com/nodejs/node/pull/40951]
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

var withReason = new AbortController();
withReason.abort('shutting down');
var without = new AbortController();
without.abort();
[withReason, without].forEach(function (controller) {
  try {
    controller.signal.throwIfAborted();
  } catch (err) {
    console.log('threw: ' + (typeof err === 'string' ? 'the string ' + JSON.stringify(err) : err.name));
  }
});

/*---
claim: "A synchronous throw inside `try` is caught by its `catch`; `console.log(exception)` prints the error's stack (`Error: 오류 핸들링 테스트` then `at ...` frames), not the `[Error: 오류 핸들링 테스트]` the article's old Node showed, and the process exits 0."
source: seeds/003_43754586e9320e59.txt (동기 코드)
tags: [article, errors, try-catch]
why: "A `throw` unwinds the call stack to the nearest enclosing `try` on that same stack. Here the throw runs while the `try` block is still on the stack, so `catch` gets it. `console.log` formats an Error with `util.inspect`, which in every Node from 12 on prints `error.stack` (message line, then one `at` line per frame); the bare `[Error: message]` form in the article is what releases older than any this suite runs printed (nodejs/node#4452 shows Node 5 still doing so); today Node prints it only for an error whose stack has no frames."
instead: Log `err.stack` (or `err.message`) explicitly when you need a stable format.
links: [https://nodejs.org/api/util.html#utilinspectobject-options, https://nodejs.org/api/errors.html#errorstack, https://github.com/nodejs/node/issues/4452]
---*/
try {
  throw new Error('오류 핸들링 테스트');
} catch (exception) {
  console.log(exception);
}

/*---
claim: A rejection awaited inside `try/catch` in an async function IS caught there, even when the Promise rejects later from a timer; nothing is unhandled and the exit code is 0 on every Node version.
source: seeds/003_43754586e9320e59.txt (try/catch and asynchronous code); https://nodejs.org/api/process.html#event-unhandledrejection
tags: [rejections, promise, try-catch]
why: '`await` suspends the function inside its `try` block; when the Promise rejects, the function resumes by throwing at the `await`, so the surrounding `catch` runs. Contrast with a throw inside a timer callback, which happens on a later stack that no `try` encloses.'
instead: Turn callback APIs into Promises and `await` them inside `try/catch`.
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});

function failLater() {
  return new Promise(function (resolve, reject) {
    setTimeout(function () {
      reject(new Error('rejected from a timer'));
    }, 1);
  });
}

async function main() {
  try {
    await failLater();
    console.log('not reached');
  } catch (err) {
    console.log('caught: ' + err.message);
  }
}

main();
console.log('end of code');

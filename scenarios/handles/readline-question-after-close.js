/*---
claim: "rl.question() on a readline interface that is already closed: up to Node 17 it prints the prompt and returns, its callback is never called, and the process exits with code 0; from Node 18 it throws ERR_USE_AFTER_CLOSE at once."
source: https://github.com/nodejs/node/issues/42450
tags: [handles, streams, errors]
why: "A closed interface no longer reads its input, so a question asked on it can never be answered. Older releases still wrote the prompt and stored the callback, which then waited forever while nothing kept the process alive: the script just ended, its question unanswered and no error shown. Node now checks for a closed interface and throws, so the mistake shows where it is made."
instead: "Ask every question before closing the interface (close it after the last answer, in a finally with readline/promises), or create a new interface."
links: [https://nodejs.org/api/readline.html#rlquestionquery-options-callback, https://nodejs.org/api/errors.html#err_use_after_close]
changes: [{in: '18.0.0', what: 'question() on a closed interface throws ERR_USE_AFTER_CLOSE instead of printing its prompt and never calling back', link: 'https://github.com/nodejs/node/pull/42464'}]
---*/
var readline = require('readline');

process.on('exit', function (code) {
  console.log('exit with code ' + code);
});

var rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.close();
try {
  rl.question('name? ', function (answer) {
    console.log('answer: ' + answer);
  });
  console.log('');
  console.log('question() returned');
} catch (err) {
  console.log('question() threw ' + err.code + ': ' + err.message);
}

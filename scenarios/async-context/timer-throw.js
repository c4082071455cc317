/*---
claim: 'AsyncLocalStorage carries context, not errors: an error thrown in a timer started inside als.run() is not caught by a try/catch around run(); the process crashes with exit code 1 (unlike domain, nothing routes it to a handler).'
source: seeds/003_43754586e9320e59.txt (domain section); https://nodejs.org/api/async_context.html#class-asynclocalstorage
tags: [async-context, errors, timers, try-catch, exit]
node: '>=12.17 <13 || >=13.10'
why: 'run() only makes a store visible along the asynchronous chain; the timer callback still runs on its own stack, later, outside the try. AsyncLocalStorage has no error event: it is the context half of domain without the error-capture half.'
instead: Catch errors where they happen (try/catch inside the callback, promise rejections awaited in try/catch) and use the store only to label them.
---*/
var AsyncLocalStorage = require('async_hooks').AsyncLocalStorage;
var als = new AsyncLocalStorage();

process.on('exit', function (code) {
  console.log('exit ' + code);
});

try {
  als.run({ id: 'req-1' }, function () {
    setTimeout(function () {
      throw new Error('thrown in a timer of ' + als.getStore().id);
    }, 1);
  });
} catch (err) {
  console.log('caught around run: ' + err.message);
}

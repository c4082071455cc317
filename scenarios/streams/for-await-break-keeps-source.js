/*---
claim: "Breaking out of for await destroys the Readable, but a timer that was feeding it keeps running unless the stream's destroy() clears it: here the interval keeps the process alive after the loop has ended, and it only exits (code 0) because the interval stops itself once it sees the stream destroyed."
source: https://nodejs.org/api/stream.html#readable_destroyerr-callback
tags: [streams, timers, handles, event-loop]
why: Destroying a stream releases what the stream itself owns and what its _destroy() releases; a timer or socket the application started to feed it is not the stream's. Without the destroyed check (or a _destroy that clears the interval), the process would never exit.
instead: Implement destroy(err, callback) (the _destroy hook) in custom Readables to stop their sources.
---*/
var stream = require('stream');

var pushed = 0;
var readable = new stream.Readable({ objectMode: true, read: function () {} });
var interval = setInterval(function () {
  if (readable.destroyed) {
    console.log('interval still running after the loop; stopping it');
    clearInterval(interval);
    return;
  }
  readable.push('tick ' + ++pushed);
}, 1);

process.on('exit', function (code) {
  console.log('exit ' + code);
});

(async function () {
  for await (var chunk of readable) {
    console.log('got ' + chunk);
    if (chunk === 'tick 2') break;
  }
  console.log('after the loop, destroyed: ' + readable.destroyed);
})();

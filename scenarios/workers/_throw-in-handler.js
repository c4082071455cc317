// Worker fixture: an uncaught exception whose 'uncaughtException' listener throws in its turn.
process.on('uncaughtException', function (err) {
  throw new Error('in handler, after ' + err.message);
});
throw new Error('first');

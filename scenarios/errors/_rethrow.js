// Fixture of errors/rethrow-from-uncaught-handler: an 'uncaughtException' listener that rethrows
// the error it was given, which was thrown inside a function called from a timer.
process.on('uncaughtException', function rethrow(err) {
  throw err;
});
function firstThrow() {
  throw new Error('original');
}
setTimeout(function tick() {
  firstThrow();
}, 1);

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});
process.on('uncaughtException', function (err) {
  console.log('uncaughtException listener: ' + err.message);
});
setTimeout(function () {
  throw new Error('boom');
}, 1);

process.on('exit', function (code) {
  console.log('exit listener ' + code);
});
process.setUncaughtExceptionCaptureCallback(function (err) {
  console.log('capture callback: ' + err.message);
});
setTimeout(function () {
  throw new Error('boom');
}, 1);

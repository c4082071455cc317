process.on('exit', function (code) {
  console.log('exit listener ' + code);
});
setTimeout(function () {
  throw new Error('boom');
}, 1);

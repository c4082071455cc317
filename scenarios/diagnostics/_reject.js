process.on('exit', function (code) {
  console.log('exit listener ' + code);
});
Promise.reject(new Error('boom'));

// Worker fixture: ends its thread with process.exit(3).
process.on('exit', function (code) {
  console.log('worker exit listener ' + code);
});
process.exit(3);

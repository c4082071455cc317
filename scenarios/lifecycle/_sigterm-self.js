// Sends itself SIGTERM. Run by exit-code-signal.js.
process.on('exit', function (code) {
  console.log('exit listener ' + code);
});
console.log('sending SIGTERM to myself');
process.kill(process.pid, 'SIGTERM');
setTimeout(function () {
  console.log('still running');
}, 1000);

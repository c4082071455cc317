// Child fixture (forked): listens for messages, says it is ready, reports when the channel closes.
// With the argument "self", it closes the channel itself right after saying it is ready.
process.on('message', function () {});
process.on('disconnect', function () {
  console.log('child: disconnect event, connected = ' + process.connected);
});
process.on('exit', function (code) {
  console.log('child: exit ' + code);
});
process.send('ready');
if (process.argv[2] === 'self') process.disconnect();

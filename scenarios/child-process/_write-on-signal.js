// Grandchild fixture: says it is ready, then writes one line when it gets SIGUSR2, and exits.
setInterval(function () {}, 1000);
process.on('SIGUSR2', function () {
  console.log('grandchild: late line');
  process.exit(0);
});
console.log('grandchild ready');

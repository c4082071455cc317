// Child fixture: says it is ready, then waits until it is killed.
setInterval(function () {}, 1000);
console.log('ready');

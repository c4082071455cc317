// Child fixture: closes its stdin, says so, then waits until it is killed.
require('fs').closeSync(0);
setInterval(function () {}, 1000);
console.log('stdin closed');

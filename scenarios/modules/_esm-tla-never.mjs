// ES module fixture whose top-level await never settles.
console.log('module starts waiting');
await new Promise(function () {});
console.log('module finished');

// A worker whose module fails to load: the package it requires does not exist.
require('no-such-package-for-this-worker');
console.log('never printed');

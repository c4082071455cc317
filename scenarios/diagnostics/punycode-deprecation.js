/*---
claim: "require('punycode') still loads the module, and from Node 21 it also prints the DEP0040 DeprecationWarning once on stderr; up to Node 20 nothing is printed. The process exits with code 0 either way."
source: https://github.com/nodejs/node/issues/51226
tags: [diagnostics, deprecation, warnings]
why: The built-in punycode module was documentation-deprecated for years; Node 21 made DEP0040 a runtime deprecation, so any dependency that still requires it (often through an old whatwg-url or tr46) makes every start print the warning.
instead: Use the userland punycode package (require('punycode/')) or url.domainToASCII(); to find who requires it, run with --trace-deprecation.
links: [https://nodejs.org/api/deprecations.html#DEP0040, https://github.com/mathiasbynens/punycode.js/issues/141]
changes:
  - {in: '21.0.0', what: 'require("punycode") prints the DEP0040 DeprecationWarning (a runtime deprecation; before it was documentation-only)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V21.md#21.0.0'}
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ' ' + warning.code);
});
var punycode = require('punycode');
console.log('loaded: ' + punycode.toASCII('mañana.com'));

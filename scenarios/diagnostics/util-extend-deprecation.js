/*---
claim: "util._extend() still copies the properties, and from Node 22 it also prints the DEP0060 DeprecationWarning once on stderr; up to Node 21 nothing is printed. The process exits with code 0 either way."
source: https://github.com/nodejs/node/issues/54216
tags: [diagnostics, deprecation, warnings]
why: DEP0060 was documentation-only for years; Node 22 made it a runtime deprecation, so code that still calls util._extend (http-proxy, for one) prints the warning on a Node 22 that the same project did not print on Node 20.
instead: Object.assign(target, source).
links: [https://nodejs.org/api/deprecations.html#DEP0060, https://github.com/chimurai/http-proxy-middleware/issues/1017]
changes:
  - {in: '22.0.0', what: 'util._extend() prints the DEP0060 DeprecationWarning (a runtime deprecation; before it was documentation-only)', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V22.md#22.0.0'}
---*/
var util = require('util');
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ' ' + warning.code);
});
var a = util._extend({ x: 1 }, { y: 2 });
var b = util._extend({}, { z: 3 });
console.log('extended: ' + JSON.stringify(a) + ' ' + JSON.stringify(b));

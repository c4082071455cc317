/*---
claim: "url.parse() still returns the parsed URL, and from Node 24 it also prints the DEP0169 DeprecationWarning once on stderr; earlier majors print nothing. The process exits with code 0 either way."
source: https://github.com/npm/nopt/issues/184
tags: [diagnostics, deprecation, warnings]
why: url.parse() does not follow the WHATWG URL standard, and its lenient parsing has led to security issues. DEP0169 became a runtime deprecation, so code that calls it (many HTTP helpers and CLIs) prints the warning on newer Node.
instead: new URL(input), or URL.parse(input) where available (it returns null instead of throwing).
links: [https://nodejs.org/api/deprecations.html#DEP0169, https://github.com/Rob--W/proxy-from-env/issues/30]
changes:
  - {in: '24.0.0', what: 'url.parse() prints the DEP0169 DeprecationWarning', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V24.md#24.0.0'}
---*/
var url = require('url');
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ' ' + warning.code);
});
var first = url.parse('http://example.com:8080/a?b=c');
var second = url.parse('http://example.org/');
console.log('parsed: ' + first.hostname + ' ' + first.port + ' ' + first.query + ' ' + second.hostname);

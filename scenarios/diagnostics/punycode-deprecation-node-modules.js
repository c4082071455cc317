/*---
claim: "require('punycode') from a package inside node_modules prints the DEP0040 DeprecationWarning from Node 21.0.0 up to 22.13 and 23.6; from 22.14.0 and 23.7.0 the warning is only for code outside node_modules, so the same dependency prints nothing (as before 21), except on 25.4 and 25.5, which warned again. The process exits with code 0 either way."
source: https://github.com/Pana/nrm/issues/176
tags: [diagnostics, deprecation, warnings, modules]
why: Most DEP0040 warnings came from dependencies (an old whatwg-url, tr46 or uri-js) that the user could not change. Node then made DEP0040 an application deprecation, which, like DEP0005 for new Buffer(), is not emitted when the caller is inside a node_modules folder; the scenario builds such a folder in a temporary directory and removes it.
instead: Update the dependency that requires the built-in module; run with --trace-deprecation to see which one it is, and --pending-deprecation to see it on a release that hides it.
links: [https://nodejs.org/api/deprecations.html#DEP0040, https://github.com/nodejs/node/pull/56632]
changes:
  - {in: '21.0.0', what: 'DEP0040 is a runtime deprecation: a dependency that requires punycode prints it', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V21.md#21.0.0'}
  - {in: '22.14.0', what: 'DEP0040 is an application deprecation: not printed for code inside node_modules (backport)', link: 'https://github.com/nodejs/node/pull/56632'}
  - {in: '23.7.0', what: 'DEP0040 is an application deprecation: not printed for code inside node_modules', link: 'https://github.com/nodejs/node/pull/56632'}
  - {in: '25.4.0', what: 'the warning is printed for code inside node_modules again', link: 'https://github.com/nodejs/node/issues/61901'}
  - {in: '25.6.0', what: 'code inside node_modules no longer gets the warning', link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V25.md#25.6.0'}
---*/
var fs = require('fs');
var os = require('os');
var path = require('path');

process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('warning listener: ' + warning.name + ' ' + warning.code);
});

// A package of its own, in a node_modules folder, that requires the built-in punycode module.
var dir = fs.mkdtempSync(path.join(os.tmpdir(), 'node-async-spec-'));
var pkg = path.join(dir, 'node_modules', 'uses-punycode');
fs.mkdirSync(pkg, { recursive: true });
fs.writeFileSync(path.join(pkg, 'index.js'), "module.exports = require('punycode').toASCII('mañana.com');\n");
try {
  console.log('loaded from node_modules: ' + require(pkg));
} finally {
  fs.unlinkSync(path.join(pkg, 'index.js'));
  fs.rmdirSync(pkg);
  fs.rmdirSync(path.join(dir, 'node_modules'));
  fs.rmdirSync(dir);
}

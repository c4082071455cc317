/*---
claim: "require() of an ES module (no top-level await) throws ERR_REQUIRE_ESM up to Node 20.18 / 22.11; from 20.19 and 22.12 (and 23.0) it returns the module namespace."
source: https://nodejs.org/api/modules.html#loading-ecmascript-modules-using-require
tags: [modules, esm, errors]
why: "CommonJS loads synchronously, ES modules were only loaded asynchronously, so require() refused them. Once Node could evaluate a module graph synchronously when it has no top-level await, require(esm) was allowed: first behind --experimental-require-module, then by default."
instead: "On older versions, use `await import()` from CommonJS; on newer ones require() works for ESM without top-level await."
changes:
  - {in: '12.2.0', what: "require() of an .mjs file throws an error with code ERR_REQUIRE_ESM (before: an error without a code)", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V12.md#12.2.0'}
  - {in: '20.19.0', what: "require(esm) is enabled by default (backport of the 23.0.0 unflagging)", link: 'https://github.com/nodejs/node/pull/55085'}
  - {never: '21', what: "21.x never got require(esm)", link: 'https://github.com/nodejs/node/pull/55085'}
  - {in: '22.12.0', what: "require(esm) is enabled by default; an ExperimentalWarning is printed", link: 'https://github.com/nodejs/node/pull/55085'}
  - {in: '22.13.0', what: "the ExperimentalWarning for require(esm) is no longer printed", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V22.md#22.13.0'}
  - {in: '23.0.0', what: "require(esm) is enabled by default; a short ExperimentalWarning (without file names) is printed", link: 'https://github.com/nodejs/node/pull/55085'}
  - {in: '23.1.0', what: "the ExperimentalWarning names the CommonJS module and the ES module it requires", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V23.md#23.1.0'}
  - {in: '23.5.0', what: "the ExperimentalWarning for require(esm) is no longer printed", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V23.md#23.5.0'}
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
try {
  var ns = require('./_esm.mjs');
  console.log('required: default = ' + ns.default + ', named = ' + ns.named);
} catch (err) {
  console.log('require threw ' + err.code);
}

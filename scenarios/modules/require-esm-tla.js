/*---
claim: "require() of an ES module that uses top-level await always throws: ERR_REQUIRE_ESM while require(esm) is unsupported, ERR_REQUIRE_ASYNC_MODULE once it is."
source: https://nodejs.org/api/modules.html#loading-ecmascript-modules-using-require; https://nodejs.org/api/errors.html#err_require_async_module
tags: [modules, esm, errors]
why: "require() must return synchronously; a module graph with top-level await can only be evaluated asynchronously, so it cannot be required, even where require(esm) works."
instead: "Load such a module with `await import()`."
changes:
  - {in: '12.2.0', what: "require() of an .mjs file throws an error with code ERR_REQUIRE_ESM (before: an error without a code)", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V12.md#12.2.0'}
  - {in: '20.19.0', what: "with require(esm) enabled by default, the error is ERR_REQUIRE_ASYNC_MODULE", link: 'https://github.com/nodejs/node/pull/55085'}
  - {never: '21', what: "21.x never got require(esm): still ERR_REQUIRE_ESM", link: 'https://github.com/nodejs/node/pull/55085'}
  - {in: '22.12.0', what: "with require(esm) enabled by default, the error is ERR_REQUIRE_ASYNC_MODULE; an ExperimentalWarning is printed", link: 'https://github.com/nodejs/node/pull/55085'}
  - {in: '22.13.0', what: "the ExperimentalWarning for require(esm) is no longer printed", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V22.md#22.13.0'}
  - {in: '23.0.0', what: "require(esm) is enabled by default; a short ExperimentalWarning (without file names) is printed", link: 'https://github.com/nodejs/node/pull/55085'}
  - {in: '23.1.0', what: "the ExperimentalWarning names the CommonJS module and the ES module it requires", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V23.md#23.1.0'}
  - {in: '23.5.0', what: "the ExperimentalWarning for require(esm) is no longer printed", link: 'https://github.com/nodejs/node/blob/main/doc/changelogs/CHANGELOG_V23.md#23.5.0'}
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
try {
  var ns = require('./_esm-tla.mjs');
  console.log('required: ' + ns.named);
} catch (err) {
  console.log('require threw ' + err.code);
}

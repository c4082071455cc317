/*---
claim: 'On nodejs20.x and nodejs22.x, require() of an ES module fails with ERR_REQUIRE_ESM and on nodejs22.x a .js file with ES module syntax and no declared type is not detected as an ES module (SyntaxError), as Lambda disables both features on those runtimes; on nodejs24.x both work. NODE_OPTIONS=--experimental-require-module turns require(esm) back on.'
source: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html (the table of experimental features Lambda disables: --no-experimental-require-module on Node.js 20 and 22, --no-experimental-detect-module on Node.js 22; "Lambda detects this override and removes the corresponding disable flag")'
tags: [lambda, esm, modules, errors]
why: 'The Node releases these runtimes run (20.20 and 22.23 here) allow require() of an ES module by default, and detect ES module syntax in a .js file whose package.json declares no type. Lambda turns require(esm) off on nodejs20.x and nodejs22.x, and the detection off on nodejs22.x, so code that relies on them runs under a local Node and fails on Lambda at init. nodejs24.x keeps Node''s defaults.'
instead: 'Import ES modules with import() or from an .mjs handler, declare the module type in package.json ("type": "module") for ES module syntax in .js files, or set NODE_OPTIONS to the re-enable flag the page names.'
---*/
'use strict';

function attempt(f) {
  try {
    return f();
  } catch (e) {
    return e.code || e.name;
  }
}

exports.handler = async () => {
  const requireEsm = attempt(() => require('./_modules/esm-only.mjs').kind);
  let detect;
  try {
    detect = (await import('./_modules/esm-syntax.js')).kind;
  } catch (e) {
    detect = e.code || e.name;
  }
  return { requireEsm, detect };
};

/*---
claim: "import() of a module that does not exist rejects with ERR_MODULE_NOT_FOUND, and ES module resolution adds no file extension: import('./_esm') fails although ./_esm.mjs exists, which import('./_esm.mjs') loads."
source: https://nodejs.org/api/errors.html#err_module_not_found; https://nodejs.org/api/esm.html#mandatory-file-extensions
tags: [modules, esm, errors]
node: '>=14.8'
instead: "Write the full file name, extension included, in every import specifier."
---*/
for (const specifier of ['./_esm', './no-such-module.mjs', './_esm.mjs']) {
  try {
    await import(specifier);
    console.log(`${specifier}: imported`);
  } catch (err) {
    console.log(`${specifier}: ${err.code}`);
  }
}

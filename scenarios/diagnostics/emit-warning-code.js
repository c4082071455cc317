/*---
claim: "process.emitWarning(message, { type, code, detail }) prints '(node:<pid>) [CODE] Type: message' followed by the detail on its own line, and the 'warning' listener gets an Error whose name is the type and whose code is the code."
source: https://nodejs.org/api/process.html#processemitwarningwarning-options
tags: [diagnostics, warnings]
why: A warning is an Error object with a name (the type) and an optional code; the default printer puts the code in brackets before the name, as Node does for its own deprecations ([DEP0005] DeprecationWarning).
instead: Give your own warnings a type and a code so they can be recognised and filtered (for example with --disable-warning on recent Node).
---*/
process.on('exit', function (code) {
  console.log('exit ' + code);
});
process.on('warning', function (warning) {
  console.log('listener: name=' + warning.name + ' code=' + warning.code + ' instanceof Error=' + (warning instanceof Error));
});
process.emitWarning('cache is stale', { type: 'CacheWarning', code: 'CACHE001', detail: 'Rebuild it with --rebuild-cache.' });

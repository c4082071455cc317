// Loading modules: require() of ES modules, top-level await that never settles behind import(),
// and errors while loading (syntax errors, throws, missing files). Every expectation was observed
// on each pinned major 12..26 (npm run scenario -- <id> --node 12,...,26).
import { byNode, claim, describe, type Outcome } from '../../harness/claims.ts';

describe('require() of an ES module', () => {
  // require(esm): 20.19+ on the 20 line, never on 21, 22.12+ and 23+ (observed at every boundary with
  // npm run scenario -- <id> --node 12.1.0,12.2.0,20.18.3,20.19.0,21.0.0,22.11.0,...,23.4.0,23.5.0).
  // Before 12.2.0 the error had no code. 22.12.0 and 23.0.0-23.4.x print an ExperimentalWarning
  // (23.0.0 a shorter one, without the file names); it is gone from 22.13.0 and 23.5.0.
  const requireEsm = { '<20.19.0': false, '>=20.19.0 <21': true, '>=21 <22.12.0': false, '>=22.12.0': true };
  const noCode = { '<12.2.0': true, '>=12.2.0': false };
  /** What the scenario prints about its require(): `ok` where require(esm) works. Both tables are evaluated, so the claim states the boundaries of both. */
  const required = (ok: string) => {
    const [esm, uncoded] = [byNode(requireEsm), byNode(noCode)];
    return esm ? ok : uncoded ? 'require threw undefined' : 'require threw ERR_REQUIRE_ESM';
  };
  const warning = (file: string, esm: string) => byNode<Outcome['stderr']>({
    '<22.12.0': '',
    '>=22.12.0 <22.13.0': [`ExperimentalWarning: CommonJS module <dir>/${file} is loading ES Module <dir>/${esm} using require().`],
    '>=22.13.0 <23': '',
    '>=23 <23.1.0': [/^\(node:<pid>\) ExperimentalWarning: Support for loading ES Module in require\(\) is an experimental feature/],
    '>=23.1.0 <23.5.0': [`ExperimentalWarning: CommonJS module <dir>/${file} is loading ES Module <dir>/${esm} using require().`],
    '>=23.5.0': '',
  });
  claim('modules/require-esm', {
    exit: 0,
    stdout: [
      required('required: default = default export, named = named export'),
      'exit 0',
    ],
    stderr: warning('require-esm.js', '_esm.mjs'),
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('modules/require-esm-tla', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: [required('require threw ERR_REQUIRE_ASYNC_MODULE'), 'exit 0'],
      stderr: warning('require-esm-tla.js', '_esm-tla.mjs'),
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Bun's require() waits for the module's top-level await instead of throwing ERR_REQUIRE_ASYNC_MODULE.
    bun: { exit: 0, stdout: ['required: after top-level await', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
  }));
});

describe('import() of a module whose top-level await never settles', () => {
  claim('modules/import-tla-never-from-cjs', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['end of script', 'module starts waiting', 'exit 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    deno: { exit: 1, stdout: ['end of script', 'module starts waiting'], stderr: [/^error: Top-level await promise never resolved$/], exitEvent: 'not fired' },
  }));

  // Observed: 'exit' listeners get 13 from 22.15.0 and 23.10.0 (0 on 22.0.0-22.14.x and 23.0.0-23.9.x);
  // the warning appears in 22.0.0. The process exit code is 13 everywhere.
  const tlaWarning = ['Warning: Detected unsettled top-level await at <dir>/import-tla-never-from-esm.mjs:', /^await import\('\.\/_esm-tla-never\.mjs'\);$/];
  const tlaExit = (listenerCode: number, stderr: Outcome['stderr']): Outcome => ({
    exit: 13,
    stdout: ['module starts waiting', `exit ${listenerCode}`],
    stderr,
    exitEvent: { code: listenerCode, printed: [`exit ${listenerCode}`] },
  });
  claim('modules/import-tla-never-from-esm', byNode({
    '<22': tlaExit(0, ''),
    '>=22 <22.15.0': tlaExit(0, tlaWarning),
    '>=22.15.0 <23': tlaExit(13, tlaWarning),
    '>=23 <23.10.0': tlaExit(0, tlaWarning),
    '>=23.10.0': tlaExit(13, tlaWarning),
    // Bun never ends (https://github.com/oven-sh/bun/issues/33283); Deno ends with 1 and an error, without 'exit'.
    bun: { timedOut: true, stdout: ['module starts waiting'], stderr: '', exitEvent: 'not fired' },
    deno: { exit: 1, stdout: ['module starts waiting'], stderr: [/^error: Top-level await promise never resolved$/], exitEvent: 'not fired' },
  }));

  claim('modules/import-tla-never-not-awaited', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['end of entry module', 'module starts waiting', 'exit 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Deno fails on a dynamically imported module whose top-level await never settles, even though nothing awaits the import.
    deno: { exit: 1, stdout: ['end of entry module', 'module starts waiting'], stderr: [/^error: Top-level await promise never resolved$/], exitEvent: 'not fired' },
  }));
});

describe('errors while loading', () => {
  claim('modules/require-syntax-error', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ["caught SyntaxError: Unexpected token ','", 'requiring it again, uncaught', 'exit 1'],
      stderr: ['<dir>/_syntax-error.js:3', /^ {2}value: 1,,$/, /^SyntaxError: Unexpected token ','$/],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    // Bun's parser reports the errors as an AggregateError; Deno's second throw is reported as an uncaught rejection, without 'exit'.
    bun: { exit: 1, stdout: ['caught AggregateError: 2 errors building "<dir>/_syntax-error.js"', 'requiring it again, uncaught', 'exit 1'], stderr: [/^error: Expected identifier but found ","$/], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: ["caught SyntaxError: Unexpected token ','", 'requiring it again, uncaught'], stderr: [/^error: Uncaught \(in promise\) SyntaxError: Unexpected token ','$/], exitEvent: 'not fired' },
  }));

  claim('modules/require-throw-not-cached', {
    exit: 0,
    stdout: ['evaluating the module, time 1', 'first require threw: module failed to load', 'in cache: false', 'evaluating the module, time 2', 'second require returned: loaded'],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });

  claim('modules/require-throw-uncaught', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['module runs', 'exit 1'],
      stderr: ['<dir>/_throws.js:3', /^Error: module failed to load$/],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    bun: { exit: 1, stdout: ['module runs', 'exit 1'], stderr: [/^error: module failed to load$/], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: ['module runs'], stderr: [/^error: Uncaught \(in promise\) Error: module failed to load$/], exitEvent: 'not fired' },
  }));

  claim('modules/require-missing', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['caught MODULE_NOT_FOUND, requireStack has 1 file(s)', 'exit 1'],
      stderr: [/^Error: Cannot find module '\.\/no-such-module'$/, 'Require stack:', '- <dir>/require-missing.js', "  code: 'MODULE_NOT_FOUND',"],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    bun: { exit: 1, stdout: ['caught MODULE_NOT_FOUND, requireStack has 1 file(s)', 'exit 1'], stderr: [/^error: Cannot find module '\.\/no-such-module' from '<dir>\/require-missing\.js'$/], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: ['caught MODULE_NOT_FOUND, requireStack has 1 file(s)'], stderr: [/^error: Uncaught \(in promise\) Error: Cannot find module '\.\/no-such-module'$/, 'Require stack:'], exitEvent: 'not fired' },
  }));

  claim('modules/import-missing', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['./_esm: ERR_MODULE_NOT_FOUND', './no-such-module.mjs: ERR_MODULE_NOT_FOUND', './_esm.mjs: imported'],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    // Bun resolves the extensionless ESM specifier './_esm' that Node refuses.
    bun: { exit: 0, stdout: ['./_esm: imported', './no-such-module.mjs: ERR_MODULE_NOT_FOUND', './_esm.mjs: imported'], stderr: '', exitEvent: { code: 0, printed: [] } },
  }));

  claim('modules/import-syntax-error-static', byNode<Outcome>({
    '*': {
      exit: 1,
      // Not even the importing module's first line ran.
      stdout: '',
      stderr: ['<dir>/_esm-syntax-error.mjs:2', /^export const value = ;$/, /^SyntaxError: Unexpected token ';'$/],
      // Only the harness's own listener saw 'exit'; the module never registered one.
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: [], stderr: [/^error: Unexpected ;$/], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: [], stderr: [/^error: SyntaxError: Expression expected$/], exitEvent: 'not fired' },
  }));
});

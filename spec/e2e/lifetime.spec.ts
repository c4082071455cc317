// Every process the project starts dies with the command that holds it, however the command is
// stopped (SIGTERM or SIGKILL, to npm, to the command, to the whole group): the cases that need
// releases (Node 24, Bun, a download from the registry) or start whole vitest runs. The local,
// cheap cases are in spec/e2e/lifetime-local.spec.ts, which says how they are checked.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { HAS_PROC } from '../../harness/procs.ts';
import { ALL, interrupt, limiter, NPM_TEST, runs, TARGET_NAMES, type LifetimeCase, type Sig, type Target } from '../support/lifetime.ts';

const PENDING = 'scenarios/node-test/pending-promise.js';
const TLA = 'scenarios/lifecycle/tla-never-settles.mjs';

/** Whether the command printed its --json result (scenario and bisect print an array, even of none): it ran to its end. */
const printedJson = (_dir: string, stdout: string) => /^\[/m.test(stdout);

/** Each case with the ways it is stopped here (those of npm test not in the fast stage). */
/** The unpacking folders of a download into the test's cache (`.tmp-<version>-<pid>-*`). */
const unpacking = (dir: string) => {
  const d = join(dir, 'cache', 'node');
  return existsSync(d) ? readdirSync(d).filter((n) => n.startsWith('.tmp-')).map((n) => join(d, n)) : [];
};

const CASES: Record<string, [LifetimeCase, [Target, Sig][]]> = {
  'npm test': [NPM_TEST, ALL.filter(([t, s]) => !(t === 'npm' && s === 'SIGKILL'))],
  // The claim's scenario hangs on Node 24 (until its 8 s time limit), under vitest under matrix.
  'matrix (Node 24, node-test/pending-promise)': [{
    npm: ['run', 'matrix', '--', '24', '--only', 'node-test/pending-promise', '--out', '{dir}/results', '--jobs', '1'],
    command: 'tools/run.mjs',
    ready: { what: 'node-test/pending-promise running under vitest', when: (r) => runs(r, PENDING) },
    finished: (dir) => existsSync(join(dir, 'results', 'matrix.json')),
  }, ALL],
  'bisect (node-test/pending-promise on the 24 line)': [{
    npm: ['run', 'bisect', '--', 'node-test/pending-promise', '--major', '24', '--quick', '--json'],
    command: 'tools/run.mjs',
    ready: { what: 'node-test/pending-promise running on a release', when: (r) => runs(r, PENDING) },
    finished: printedJson,
  }, ALL],
  // Never ends by itself on Node 24: the harness's time limit is what ends it, and it is gone with the command.
  'scenario node-test/pending-promise on Node 24': [{
    npm: ['run', 'scenario', '--', 'node-test/pending-promise', '--node', '24', '--json'],
    command: 'tools/run.mjs',
    ready: { what: 'the scenario running', when: (r) => runs(r, PENDING) },
    finished: printedJson,
  }, ALL],
  // Under Bun a never-settling top-level await spins at 100 % CPU until killed.
  'scenario lifecycle/tla-never-settles on Bun': [{
    npm: ['run', 'scenario', '--', 'lifecycle/tla-never-settles', '--node', 'bun', '--json'],
    command: 'tools/run.mjs',
    ready: { what: 'the scenario running', when: (r) => runs(r, TLA) },
    finished: printedJson,
  }, ALL],
  // A release fetched into an empty cache: stopped while the command downloads its tarball (in
  // its own process: harness/release-cache.ts). Its unpacking folder (in the cache) must go too.
  'a download (scenario on a release not cached)': [{
    npm: ['run', 'scenario', '--', 'lifecycle/exit-no-arg', '--node', '18.20.8', '--json'],
    env: { NODE_ASYNC_SPEC_CACHE: '{dir}/cache' },
    command: 'tools/run.mjs',
    ready: { what: "the release's tarball downloading into the cache", when: (_r, dir) => unpacking(dir).some((d) => existsSync(join(d, 'package.tgz'))) },
    leftovers: unpacking,
    finished: printedJson,
  }, ALL],
};

// Whole vitest runs and releases: two at a time on a two-core machine.
const two = limiter(2);

describe.skipIf(!HAS_PROC)('a command stopped any way leaves nothing running and no temporary folder (needs /proc: Linux only)', () => {
  for (const [name, [c, ways]] of Object.entries(CASES)) {
    describe(name, () => {
      for (const [target, signal] of ways) it(`${signal} to ${TARGET_NAMES[target]}`, () => two(() => interrupt(c, target, signal)), 900_000);
    });
  }
});

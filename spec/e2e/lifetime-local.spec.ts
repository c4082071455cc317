// Every process the project starts dies with the command that holds it, however the command is
// stopped: SIGTERM or SIGKILL, to npm (a CI runner, `kill <pid>`), to the command itself, or to
// the whole group. The command follows npm (harness/follow-holder.mjs), and its guard
// (harness/guard.cjs) kills what it held once it is gone, a frozen (SIGSTOPped) Lambda runtime
// included. Here: the local cases, on this machine's Node and the pinned Lambda runtimes. The
// cases that need Node 24, Bun, the registry or a whole vitest run are in spec/e2e/lifetime.spec.ts.
import { describe, it } from 'vitest';
import { HAS_PROC } from '../../harness/procs.ts';
import { ALL, hangTreeUp, interrupt, NPM_TEST, TARGET_NAMES, type LifetimeCase, type Sig, type Target } from '../support/lifetime.ts';

const FIXTURE = 'spec/tooling/fixtures/hang-tree.js';

/** Each case with the ways it is stopped here. */
const CASES: Record<string, [LifetimeCase, [Target, Sig][]]> = {
  // A scenario that never ends, with a cluster worker, a grandchild and a detached child (a group of its own).
  scenario: [{
    npm: ['run', 'scenario', '--', FIXTURE],
    env: { SPEC_NODE: process.execPath },
    command: 'tools/run.mjs',
    ready: { what: 'the scenario, its worker, its grandchild and its detached child', when: hangTreeUp },
  }, ALL],
  // Two invocations ten minutes apart: between them the runtime is frozen (SIGSTOP, state T).
  'lambda while its runtime is frozen': [{
    npm: ['run', 'lambda', '--', 'lambda/handlers/freeze-probe.js', '--event', '{"n":1}', '--event', '{"n":2}', '--gap', '600000'],
    command: 'tools/run.mjs',
    ready: { what: 'the runtime to be frozen after the first invocation', when: (r) => r.some((p) => p.state === 'T') },
  }, ALL],
  // The case the watchdog on vitest's parent alone missed: the `sh -c` stays. A whole vitest run
  // costs a few seconds: the other ways are in spec/e2e/lifetime.spec.ts (SIGINT to the group and
  // SIGTERM to npm in spec/e2e/interrupt.spec.ts).
  'npm test': [NPM_TEST, [['npm', 'SIGKILL']]],
};

describe.skipIf(!HAS_PROC)('a command stopped any way leaves nothing running and no temporary folder (needs /proc: Linux only)', () => {
  for (const [name, [c, ways]] of Object.entries(CASES)) {
    describe(name, () => {
      for (const [target, signal] of ways) it(`${signal} to ${TARGET_NAMES[target]}`, () => interrupt(c, target, signal), 150_000);
    });
  }
});

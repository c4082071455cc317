// Every process the project starts dies with the command that holds it, however the command is
// stopped: SIGTERM or SIGKILL, to npm (a CI runner, `kill <pid>`), to the command itself, or to
// the whole group. The command follows npm (harness/follow-holder.mjs), and its guard
// (harness/guard.cjs) kills what it held once it is gone, a frozen (SIGSTOPped) Lambda runtime
// included. Here: the local cases, on this machine's Node and the pinned Lambda runtimes. The
// cases that need Node 24, Bun, the registry or a whole vitest run are in spec/e2e/lifetime.spec.ts.
import { describe, it } from 'vitest';
import { HAS_PROC } from '../../harness/procs.ts';
import { interrupt, runs, SIGNALS, TARGETS, type LifetimeCase } from './lifetime.ts';

const FIXTURE = 'spec/tooling/fixtures/hang-tree.js';

export const CASES: Record<string, LifetimeCase> = {
  // A scenario that never ends, with a cluster worker, a grandchild and a detached child (a group of its own).
  scenario: {
    npm: ['run', 'scenario', '--', FIXTURE],
    env: { SPEC_NODE: process.execPath },
    command: 'tools/run.mjs',
    ready: { what: 'the scenario, its worker, its grandchild and its detached child', when: (r) => runs(r, FIXTURE, 4) },
  },
  // Two invocations ten minutes apart: between them the runtime is frozen (SIGSTOP, state T).
  'lambda while its runtime is frozen': {
    npm: ['run', 'lambda', '--', 'lambda/handlers/freeze-probe.js', '--event', '{"n":1}', '--event', '{"n":2}', '--gap', '600000'],
    command: 'tools/run.mjs',
    ready: { what: 'the runtime to be frozen after the first invocation', when: (r) => r.some((p) => p.state === 'T') },
  },
};

describe.skipIf(!HAS_PROC)('a command stopped any way leaves nothing running and no temporary folder (needs /proc: Linux only)', () => {
  for (const [name, c] of Object.entries(CASES)) {
    describe(name, () => {
      for (const target of TARGETS) {
        for (const signal of SIGNALS) {
          it(`${signal} to ${target === 'group' ? 'the whole group' : target === 'npm' ? 'npm' : 'the command'}`, () => interrupt(c, target, signal), 150_000);
        }
      }
    });
  }
});

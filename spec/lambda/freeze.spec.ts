// The freeze is deterministic: hundreds of invocations, each leaving a 1 ms timer pending, with
// idle gaps of 0 to 4 ms between them (so the timer is sometimes due before the thaw, sometimes
// not), while two busy-loop processes keep both cores busy; the timer's line is always printed
// during the next invocation, never during the one that left it. Runs for every runtime
// generation available here (skipped visibly, with the reason, for the others). Only in the e2e
// stage (vitest.config.ts): its busy loops take both cores for seconds, which `npm test`'s other
// files would wait for.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { holdGroup, killGroup, procStat, releaseGroup } from '../../harness/procs.ts';
import type { Invocation } from '../../lambda/service.ts';
import { functions, lambdaClaim, SPEC_RUNTIMES } from '../support/lambda-claims.ts';
import { expectInvocations } from '../support/lambda-outcome.ts';

const INVOCATIONS = 300;
const GAPS_MS = [0, 1, 2, 4];

const busy: ChildProcess[] = [];
const fns = functions();

function cpuTicks(pid: number): number {
  const stat = procStat(pid);
  if (!stat) throw new Error(`process ${pid} is gone`);
  return stat.cpuTicks;
}

beforeAll(() => {
  for (let i = 0; i < 2; i++) {
    const c = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore', detached: true });
    holdGroup(c.pid); // killed even if this run is interrupted before afterAll
    busy.push(c);
  }
});

afterAll(async () => {
  await fns.closeAll();
  for (const c of busy) {
    killGroup(c.pid);
    releaseGroup(c.pid);
  }
});

describe(`freeze: ${INVOCATIONS} invocations, idle gaps of ${GAPS_MS.join('/')} ms, both cores busy`, () => {
  for (const runtime of SPEC_RUNTIMES) {
    lambdaClaim('freeze-probe', runtime, async () => {
      const ticks0 = busy.map((c) => cpuTicks(c.pid!));
      const all: Invocation[] = [];
      await fns.with('freeze-probe', { runtime }, async (fn) => {
        for (let n = 1; n <= INVOCATIONS; n++) all.push(await fn.invoke({ n }, { gapMs: GAPS_MS[n % GAPS_MS.length] }));
      });
      // Each answers its number, all from the same runtime process; the timer invocation n - 1 left
      // prints its line at the start of invocation n, and never during n - 1.
      expectInvocations(all, all.map((_, i) => {
        const n = i + 1;
        return n === 1 ? { response: 1, lines: [] } : { response: n, process: 'same', lines: [`timer ${n - 1}`] };
      }));
      // The load was real: both busy loops were alive and burned CPU all along.
      for (const [i, c] of busy.entries()) {
        expect(c.exitCode).toBe(null);
        expect(cpuTicks(c.pid!) - ticks0[i]!).toBeGreaterThan(0);
      }
    }, { timeout: 120_000 });
  }
});

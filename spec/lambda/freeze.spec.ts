// The freeze is deterministic: hundreds of invocations, each leaving a 1 ms timer pending, while
// two busy-loop processes keep both cores busy; the timer's line is always printed during the
// next invocation, never during the one that left it. Runs for every runtime generation
// available here (skipped visibly, with the reason, for the others).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/node-binaries.ts';
import { holdGroup, killGroup, releaseGroup } from '../../harness/procs.ts';
import { prepareRuntime, startEnvironment, type LambdaEnvironment } from '../../lambda/service.ts';

const INVOCATIONS = 300;
const RUNTIMES = ['nodejs20.x', 'nodejs22.x', 'nodejs24.x'] as const;
const prepared = await Promise.all(RUNTIMES.map(async (r) => [r, await prepareRuntime(r)] as const));

const busy: ChildProcess[] = [];
const open = new Set<LambdaEnvironment>();

function cpuTicks(pid: number): number {
  // utime + stime, fields 14 and 15 of /proc/<pid>/stat (after the command name in parentheses)
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

beforeAll(() => {
  for (let i = 0; i < 2; i++) {
    const c = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore', detached: true });
    holdGroup(c.pid); // killed even if this run is interrupted before afterAll
    busy.push(c);
  }
});

afterAll(async () => {
  await Promise.all([...open].map((e) => e.close()));
  for (const c of busy) {
    killGroup(c.pid);
    releaseGroup(c.pid);
  }
});

describe(`freeze: a 1 ms timer left pending fires in the next invocation, never before (${INVOCATIONS} invocations, both cores busy)`, () => {
  for (const [runtime, p] of prepared) {
    if (!p.ok) {
      it.skip(`${runtime} SKIPPED: ${p.reason}`, () => {});
      continue;
    }
    it(`${runtime} (Node ${p.node.version})`, async () => {
      const ticks0 = busy.map((c) => cpuTicks(c.pid!));
      const env = await startEnvironment({ runtime, handlerFile: join(ROOT, 'lambda', 'handlers', 'freeze-probe.js'), timeoutSec: 10 });
      open.add(env);
      const wrong: string[] = [];
      let pid = 0;
      try {
        for (let n = 1; n <= INVOCATIONS; n++) {
          const r = await env.invoke({ n });
          if (n === 1) pid = r.pid;
          if (r.response !== n || r.pid !== pid) wrong.push(`#${n}: response ${JSON.stringify(r.response)} ${JSON.stringify(r.error)} pid ${r.pid}`);
          const expected = n === 1 ? [] : [`timer ${n - 1}`];
          if (JSON.stringify(r.lines) !== JSON.stringify(expected)) wrong.push(`#${n} printed ${JSON.stringify(r.lines)}, expected ${JSON.stringify(expected)}`);
        }
      } finally {
        await env.close();
        open.delete(env);
      }
      expect(wrong.slice(0, 10)).toEqual([]);
      // The load was real: both busy loops were alive and burned CPU all along.
      for (const [i, c] of busy.entries()) {
        expect(c.exitCode).toBe(null);
        expect(cpuTicks(c.pid!) - ticks0[i]!).toBeGreaterThan(0);
      }
    }, 60_000);
  }
});

// The run-ahead pool (harness/run-ahead.ts): which scenarios a run's spec files claim, narrowed as
// claim() narrows them; longest first; each observation made once, by the same runScenario() a
// claim would call, and given to whoever asks; a scenario it does not hold is left to the claim.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findScenario, listScenarios, readScenario, ROOT, runScenario, whyNotApplicable } from '../../harness/harness.ts';
import { stored } from '../../harness/observation.ts';
import { expectedWeight, observed, planned, startRunAhead } from '../../harness/run-ahead.ts';
import type { Target } from '../../harness/node-binaries.ts';
import { limiter } from '../../tools/pool.ts';

const node: Target = { runtime: 'node', path: process.execPath, version: process.versions.node };
const spec = (topic: string) => join(ROOT, 'spec', 'node', `${topic}.spec.ts`);

describe('the scenarios a run plans', () => {
  it('every applicable scenario of each spec/node topic in the run, and nothing else', () => {
    const ids = planned([spec('timers'), spec('signals'), join(ROOT, 'spec', 'tooling', 'harness.spec.ts')], node, {}).map((s) => s.id);
    const expected = listScenarios().filter((s) => /^(timers|signals)\//.test(s.id) && !whyNotApplicable(s, node)).map((s) => s.id);
    expect(ids.sort()).toEqual(expected.sort());
    expect(ids.length).toBeGreaterThan(10);
    // A spec/node file with no scenario folder of its own plans nothing by itself; tooling and Lambda files neither.
    expect(planned([spec('no-such-topic'), join(ROOT, 'spec', 'lambda', 'cli.spec.ts')], node, {})).toEqual([]);
  });

  it('narrowed by SPEC_ONLY and SPEC_IDS as claim() is, and by the target', () => {
    expect(planned([spec('signals'), spec('timers')], node, { SPEC_ONLY: 'timers/' }).map((s) => s.id)).toEqual(['timers/immediate-vs-timeout']);
    expect(planned([spec('signals')], node, { SPEC_IDS: 'signals/remove-listener,timers/immediate-vs-timeout' }).map((s) => s.id)).toEqual(['signals/remove-listener']);
    const deno: Target = { runtime: 'deno', path: '/nonexistent/deno', version: '2.9.6' };
    const strict = findScenario('rejections/mode-strict');
    expect(planned([spec('rejections')], node, {}).map((s) => s.id)).toContain(strict.id);
    expect(planned([spec('rejections')], deno, {}).map((s) => s.id)).not.toContain(strict.id);
  });

  it('weighs first what waits on purpose or starts other processes', () => {
    expect(expectedWeight(findScenario('domain/cluster-kill-timer'))).toBeGreaterThan(expectedWeight(findScenario('timers/immediate-vs-timeout')));
    expect(expectedWeight(findScenario('timers/immediate-vs-timeout'))).toBe(0);
  });
});

describe('the pool', () => {
  it('observes a planned scenario as runScenario does and gives every asker that one observation; an unplanned one is not answered', async () => {
    const s = readScenario(join(ROOT, 'spec', 'tooling', 'fixtures', 'env-dump.js'));
    const pool = await startRunAhead([s], node, 2);
    try {
      const [a, b] = await Promise.all([observed(pool.url, s.id), observed(pool.url, s.id)]);
      expect(a).toEqual(b);
      const direct = await runScenario(s, node);
      const { durationMs: _a, ...ahead } = stored(a!.observation) as ReturnType<typeof stored> & { durationMs?: number };
      const { durationMs: _b, ...here } = stored(direct) as ReturnType<typeof stored> & { durationMs?: number };
      expect(ahead).toEqual(here);
      expect(a!.observation.exitCode).toBe(4);
      expect(a!.hash).toBe(s.hash);
      expect(await observed(pool.url, 'timers/immediate-vs-timeout')).toBeUndefined();
    } finally {
      await pool.close();
    }
  });
});

describe('limiter (tools/pool.ts): at most n at once', () => {
  it('never runs more than n, also when a slot frees while another caller arrives, and runs them all', async () => {
    const limit = limiter(2);
    let now = 0;
    let most = 0;
    const done: number[] = [];
    const task = (i: number) => limit(async () => {
      now++;
      most = Math.max(most, now);
      // Yield a few times, so that callers arrive while slots are taken and freed.
      for (let k = 0; k < (i % 3) + 1; k++) await Promise.resolve();
      now--;
      done.push(i);
      return i;
    });
    const first = Array.from({ length: 5 }, (_, i) => task(i));
    // More callers once the first have started and some have finished.
    await Promise.resolve();
    const later = Array.from({ length: 5 }, (_, i) => task(i + 5));
    expect(await Promise.all([...first, ...later])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(2);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

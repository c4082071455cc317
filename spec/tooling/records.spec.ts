// Results travel as data: each claim's test carries its scenario id, target and observation in
// its meta, and harness/results-reporter.ts writes them as records. A test's title can be anything:
// these titles imitate other claims, n.a. markers and skip markers, and the records are still right.
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { runVitest } from '../../tools/vitest-run.ts';

describe('records, not titles', () => {
  it('name the claimed scenario, its verdict and observation, and a skip with its reason, whatever the titles say', async () => {
    const r = await runVitest({ paths: ['--config', join(ROOT, 'spec/tooling/fixtures/titles/vitest.titles.config.ts')], target: inject('target').path });
    const byName = r.tests.map((t) => ({ scenario: t.scenario, verdict: t.verdict, skip: t.skip, observed: t.scenario !== undefined ? t.observation?.id : undefined }));
    expect(byName).toHaveLength(2);
    expect(byName).toEqual(expect.arrayContaining([
      { scenario: 'lifecycle/pending-await', verdict: 'pass', skip: undefined, observed: 'lifecycle/pending-await' },
      { scenario: undefined, verdict: 'skipped', skip: 'a reason stated in meta', observed: undefined },
    ]));
    const collected = r.records.filter((x) => x.t === 'collected');
    expect(collected).toHaveLength(1);
  }, 120_000);
});

describe('selecting claims for one run', () => {
  // spawn-missing is a prefix of spawn-missing-shell and spawn-missing-no-listener: --only takes it
  // as a prefix (all three), --boundaries passes exact ids (SPEC_IDS: that one only).
  const ran = async (env: Record<string, string>) => {
    const r = await runVitest({ paths: ['spec/node/child-process.spec.ts'], target: inject('target').path, env });
    return r.tests.filter((t) => t.verdict !== 'skipped').map((t) => t.scenario).sort();
  };
  it('SPEC_IDS runs exactly the ids named; SPEC_ONLY every id starting with a prefix', async () => {
    expect(await ran({ SPEC_IDS: 'child-process/spawn-missing' })).toEqual(['child-process/spawn-missing']);
    expect(await ran({ SPEC_ONLY: 'child-process/spawn-missing' })).toEqual(['child-process/spawn-missing', 'child-process/spawn-missing-no-listener', 'child-process/spawn-missing-shell']);
  }, 120_000);
});

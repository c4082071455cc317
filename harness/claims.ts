// The vocabulary of the spec files: claim() runs one scenario as one `it`, byNode() states an
// expectation per range of Node versions.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { inject, it } from 'vitest';
import { appliesTo, findScenario, runScenario, type Observation, type RunOptions, type Scenario } from './harness.ts';

export { expect, describe } from 'vitest';
export type { Observation } from './harness.ts';

export function target(): { path: string; version: string } {
  return inject('target');
}

/**
 * The value stated for the target's Node version. Ranges must not overlap and must cover the
 * target: a version no range states is an error, not a guess.
 *   byNode({ '<15': 0, '>=15': 1 })
 */
export function byNode<T>(table: Record<string, T>, version: string = target().version): T {
  const hits = Object.keys(table).filter((range) => semver.satisfies(version, range, { includePrerelease: true }));
  if (hits.length !== 1) {
    throw new Error(`byNode: ${hits.length ? `ranges ${hits.join(' and ')} overlap` : 'no range covers'} Node ${version} (ranges: ${Object.keys(table).join(', ')})`);
  }
  return table[hits[0]!]!;
}

export interface ClaimOptions extends RunOptions {
  /** The claim is that the scenario never ends by itself: a time-out is the expected outcome. */
  expectTimeout?: boolean;
}

function record(s: Scenario, r: Observation) {
  const dir = process.env.SPEC_RECORD;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, s.id.replace(/[/\\]/g, '__') + '.json'), JSON.stringify({ ...r, scenario: s.id, claim: s.claim }, null, 2));
}

/**
 * One claim: runs scenario `id` under the target Node and hands the observation to `check`.
 * A scenario whose `node` range excludes the target is skipped visibly, naming the range.
 */
export function claim(id: string, check: (r: Observation) => void | Promise<void>, opts: ClaimOptions = {}) {
  const s = findScenario(id);
  const t = target();
  if (!appliesTo(s, t.version)) {
    it.skip(`${s.id} — n.a. on Node ${t.version}: applies to ${s.node}`, () => {});
    return;
  }
  const limit = opts.timeout ?? s.timeout;
  it(`${s.id}: ${s.claim}`, async () => {
    const r = await runScenario(s, t, opts);
    record(s, r);
    if (r.timedOut && !opts.expectTimeout) {
      throw new Error(`${s.id} timed out after ${limit} ms on Node ${r.node}; it had printed:\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`);
    }
    await check(r);
  }, limit + 30_000);
}

// A team's own scenarios in the matrix (`npm run matrix -- --scenarios <dir>`): they have no
// claim in spec/node, so no expectation; the matrix runs each on each target itself, after that
// target's vitest run, and records what it did as a claim's record (harness/records.ts) that
// passes once it ran. Their cells show what they did, and a change between two versions is
// checked against the scenario's `changes:` header like any other (tools/matrix-data.ts).
import { whyNotApplicable } from '../harness/applicability.ts';
import type { Target } from '../harness/node-binaries.ts';
import { stored } from '../harness/observation.ts';
import { claimKey, type ClaimRecord } from '../harness/records.ts';
import { runScenario } from '../harness/run.ts';
import { statesKinds, type Scenario } from '../harness/scenario.ts';
import { whyNoStdio, type StdioKind } from '../harness/stdio.ts';
import { printTarget } from '../harness/target.ts';
import { pool } from './pool.ts';

/** Each scenario run once per stdout kind it states on `t`, `jobs` at a time: their records, by claim key. `onRun`: as each ends. */
export async function ownRecords(scenarios: readonly Scenario[], t: Target, jobs: number, onRun: () => void = () => {}): Promise<Record<string, ClaimRecord>> {
  const subjects: { s: Scenario; stdio?: StdioKind }[] = scenarios.flatMap((s) => (statesKinds(s) ? s.stdio.map((stdio) => ({ s, stdio })) : [{ s }]));
  const records = await pool(subjects, jobs, async ({ s, stdio }): Promise<ClaimRecord> => {
    const base = { scenario: s.id, ...(stdio ? { stdio } : {}), target: printTarget(t), hash: s.hash };
    const why = whyNotApplicable(s, t);
    if (why) return { ...base, verdict: 'n.a.', skip: `n.a. on ${printTarget(t)}: ${why}` };
    const noStdio = stdio && whyNoStdio(stdio);
    if (noStdio) return { ...base, verdict: 'skipped', skip: noStdio };
    try {
      return { ...base, verdict: 'pass', observation: stored(await runScenario(s, t, stdio ? { stdio } : {})) };
    } catch (e) {
      return { ...base, verdict: 'fail', failure: String((e as Error).message).split('\n')[0] };
    } finally {
      onRun();
    }
  });
  return Object.fromEntries(records.map((r) => [claimKey(r), r]));
}

// The records a run leaves (harness/results-reporter.ts writes them, one JSON object a line),
// and reading them back. A claim's record carries its ClaimRecord: scenario id, target, verdict,
// the scenario's hash, observation.
import { existsSync, readFileSync } from 'node:fs';
import type { StoredObservation } from './observation.ts';
import type { StdioKind } from './stdio.ts';

/** pass / fail; n.a.: the scenario does not apply to the target; skipped: any other test not run (with its reason). */
export type Verdict = 'pass' | 'fail' | 'n.a.' | 'skipped';

/**
 * One claim's result on one target: the one shape a claim's result has, from its test (written
 * by harness/results-reporter.ts) to the per-version files and matrix.json (tools/matrix.ts) and
 * the data block of the claim's page (tools/catalog-pages.ts).
 */
export interface ClaimRecord {
  /** The scenario's id. */
  scenario: string;
  /**
   * What stdout and stderr were, for a scenario whose header states its kinds (harness/scenario.ts
   * statesKinds): part of the claim's identity (claimKey). Absent for the default, a socket pair.
   */
  stdio?: StdioKind;
  /** The target's version string ("v22.1.0", "bun 1.4.5"). */
  target: string;
  verdict: Verdict;
  /** hashText of the scenario's text as read for the run: the text that ran (harness/scenario.ts readScenario). */
  hash: string;
  /** What the scenario did (not for n.a.). */
  observation?: StoredObservation;
  /** Outcome fields the target could not show. */
  unknown?: string[];
  /** The byNode ranges the claim's expectation used (the test's meta key `ranges`), when it publishes them. */
  ranges?: string[];
  failure?: string;
  /** Why it did not run (n.a. or skipped). */
  skip?: string;
}

/** Where a test's record comes from: its spec file (relative to the repository) and full name (a key for comparing runs, never parsed). */
interface TestPlace { t: 'test'; file: string; name: string }

/** A test that is not a claim. */
interface OtherTest { verdict: Verdict; failure?: string; skip?: string; scenario?: undefined; stdio?: undefined }

/** A test's record: a claim's carries its ClaimRecord whole. */
export type TestRecord = TestPlace & (ClaimRecord | OtherTest);

/** The claim record inside a test's record (undefined for a test that is not a claim). */
export function claimRecord(r: TestRecord): ClaimRecord | undefined {
  if (r.scenario === undefined) return undefined;
  const { t: _t, file: _f, name: _n, ...rec } = r;
  return rec;
}

export interface CollectedRecord { t: 'collected'; file: string; tests: { name: string; scenario?: string; stdio?: StdioKind; skip?: string }[] }

export type RunRecord = TestRecord | CollectedRecord;

/** Every whole record in a results file (a half-written last line is left out). */
export function readRecords(file: string): RunRecord[] {
  if (!existsSync(file)) return [];
  const out: RunRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as RunRecord);
    } catch {
      // the line being written
    }
  }
  return out;
}

/**
 * A claim's identity, the one key every report files its results under: the scenario id, and for a
 * scenario that states its stdout kinds, the kind ("output/big-write-queued [stdio pipe]"). A
 * scenario run on the default kind alone keeps its bare id. A key is made here and never parsed:
 * the record itself carries its scenario and kind.
 */
export const claimKey = (r: { scenario: string; stdio?: StdioKind }): string => (r.stdio ? `${r.scenario} [stdio ${r.stdio}]` : r.scenario);

/** A stable key for a test across runs: the claim's key for a claim, else file and name. */
export const testKey = (r: Pick<TestRecord, 'file' | 'name' | 'scenario' | 'stdio'>) => (r.scenario !== undefined ? claimKey(r as { scenario: string; stdio?: StdioKind }) : `${r.file} > ${r.name}`);

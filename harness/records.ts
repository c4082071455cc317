// The records a run leaves (harness/results-reporter.ts writes them, one JSON object a line),
// and reading them back. A claim's record carries its scenario id, target and observation.
import { existsSync, readFileSync } from 'node:fs';
import type { StoredObservation } from './observation.ts';

/** pass / fail; n.a.: the scenario does not apply to the target; skipped: any other test not run (with its reason). */
export type Verdict = 'pass' | 'fail' | 'n.a.' | 'skipped';

export interface TestRecord {
  t: 'test';
  /** The spec file, relative to the repository. */
  file: string;
  /** The test's full name: a key for comparing runs, never parsed. */
  name: string;
  verdict: Verdict;
  /** For a claim: its scenario id and target version string. */
  scenario?: string;
  target?: string;
  observation?: StoredObservation;
  /** Outcome fields the target could not show. */
  unknown?: string[];
  skip?: string;
  failure?: string;
}

export interface CollectedRecord { t: 'collected'; file: string; tests: { name: string; scenario?: string; skip?: string }[] }

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

/** A stable key for a test across runs: the scenario id for a claim, else file and name. */
export const testKey = (r: Pick<TestRecord, 'file' | 'name' | 'scenario'>) => r.scenario ?? `${r.file} > ${r.name}`;

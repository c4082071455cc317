// One claim record (harness/records.ts) from the test to matrix.json and the claim's page, and the
// scenario's hash in it taken once, when the scenario is read: the text that ran is the text hashed.
// A scenario edited while a run goes on (here: one that rewrites its own file as it runs) cannot get
// the results of its old text stamped with its new text's hash.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempFolder } from '../support/temp.ts';
import { describe, expect, inject, it } from 'vitest';
import { hashText, readScenario, ROOT } from '../../harness/harness.ts';
import { claimRecord } from '../../harness/records.ts';
import { observed, startRunAhead } from '../../harness/run-ahead.ts';
import { printTarget } from '../../harness/target.ts';
import { view, type Claim } from '../../tools/catalog-model.ts';
import { emptyResults, mergeMatrix } from '../../tools/catalog-pages.ts';
import { matrixData, versionResult } from '../../tools/matrix-data.ts';
import { runVitest } from '../../tools/vitest-run.ts';

const dir = tempFolder('claim-record-', { scenarios: true });

const TEXT = `/*---
claim: A scenario that edits its own file while it runs.
source: spec/tooling/claim-record.spec.ts
tags: [exit]
---*/
require('node:fs').appendFileSync(__filename, '// edited while it ran\\n');
console.log('edited');
`;

/** A fresh copy of the self-editing scenario, and the hash of the text it starts with. */
function selfEditing(name: string): { file: string; before: string } {
  const file = join(dir(), `${name}.js`);
  writeFileSync(file, TEXT);
  return { file, before: hashText(TEXT) };
}

describe('the claim record', () => {
  it('carries the hash of the text that ran, from the test through matrix.json to the page, which flags it stale against the edited text', async () => {
    const { file, before } = selfEditing('run');
    const atStart = readScenario(file); // as the matrix reads its scenarios, before any run
    const target = inject('target');
    const printed = printTarget(target);
    const r = await runVitest({ paths: ['--config', join(ROOT, 'spec/tooling/fixtures/self-edit/vitest.self-edit.config.ts')], target: target.path, env: { SELF_EDIT_SCENARIO: file } });
    expect(r.tests, r.tail).toHaveLength(1);
    const rec = claimRecord(r.tests[0]!)!;
    expect(rec, rec.failure).toMatchObject({ scenario: atStart.id, target: printed, verdict: 'pass' });
    const after = hashText(readFileSync(file, 'utf8'));
    expect(after).not.toBe(before); // the scenario did edit itself while it ran
    expect(rec.hash).toBe(before);

    // The matrix keeps the record whole: whether its scenarios were read before the run or after it (--reuse).
    for (const scenarios of [[atStart], [readScenario(file)]]) {
      const data = matrixData([versionResult(printed, r.tests)], scenarios, { reference: printed });
      // A Node release's run is under results, another runtime's (SPEC_NODE=deno) under runtimes.
      expect((data.results[printed] ?? data.runtimes?.[printed])!.scenarios[atStart.id]).toEqual(rec);
    }

    // The catalogue compares the record's hash with the current text's.
    const now = readScenario(file);
    const c: Claim = { id: now.id, file, kind: 'scenario', topic: 'lifecycle', s: now, hash: now.hash };
    const data = matrixData([versionResult(printed, r.tests)], [atStart], { reference: printed });
    // It flags stale results in its Node columns (tools/catalog-model.ts view), not in a runtime's row.
    expect(view(c, mergeMatrix(emptyResults(), data, [c], true)).stale).toEqual(target.runtime === 'node' ? [printed] : []);
  }, 120_000);

  it('from the run-ahead pool, carries the hash of the text the pool read and ran', async () => {
    const { file, before } = selfEditing('ahead');
    const s = readScenario(file);
    const target = inject('target');
    const pool = await startRunAhead([s], target, 1);
    try {
      const got = await observed(pool.url, s.id);
      expect(got!.observation.stdout).toBe('edited\n');
      expect(hashText(readFileSync(file, 'utf8'))).not.toBe(before);
      expect(got!.hash).toBe(before);
    } finally {
      await pool.close();
    }
  });
});

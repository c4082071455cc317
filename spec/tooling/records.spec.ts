// Results travel as data: each claim's test carries its scenario id, target and observation in
// its meta, and harness/results-reporter.ts writes them as records. A test's title can be anything:
// these titles imitate other claims, n.a. markers and skip markers, and the records are still right.
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { runVitest } from '../../tools/vitest-run.ts';
import { byStdio, forKind, stdioProblems, type Outcome } from '../../harness/claims.ts';

// One nested run for both checks below (each run of vitest costs about a second of CPU): the
// titles fixture and the two worker fixtures, given one worker.
let nested: ReturnType<typeof runVitest> | undefined;
const fixtures = () => (nested ??= runVitest({ paths: ['--config', join(ROOT, 'spec/tooling/fixtures/records/vitest.records.config.ts')], target: inject('target').path, maxWorkers: 1 }));
const TITLES = 'spec/tooling/fixtures/records/titles.fixture.ts';
const inTitles = (file: string) => file.replaceAll('\\', '/').endsWith(TITLES);

describe('records, not titles', () => {
  it('name the claimed scenario, its verdict and observation, and a skip with its reason, whatever the titles say', async () => {
    const r = await fixtures();
    const byName = r.tests.filter((t) => inTitles(t.file)).map((t) => ({ scenario: t.scenario, verdict: t.verdict, skip: t.skip, observed: t.scenario !== undefined ? t.observation?.id : undefined }));
    expect(byName).toHaveLength(2);
    expect(byName).toEqual(expect.arrayContaining([
      { scenario: 'lifecycle/pending-await', verdict: 'pass', skip: undefined, observed: 'lifecycle/pending-await' },
      { scenario: undefined, verdict: 'skipped', skip: 'a reason stated in meta', observed: undefined },
    ]));
    const collected = r.records.filter((x) => x.t === 'collected' && inTitles(x.file));
    expect(collected).toHaveLength(1);
  }, 120_000);
});

describe('a run given a worker count (tools/vitest-run.ts, as the matrix gives one per release run at once)', () => {
  it('reaches the config\'s project: with one worker, both worker files run in the same process', async () => {
    const r = await fixtures();
    const pids = r.tests.filter((t) => !inTitles(t.file)).map((t) => t.skip);
    expect(pids).toHaveLength(2);
    expect(pids[0]).toMatch(/^pid \d+$/);
    expect(new Set(pids).size).toBe(1);
  }, 120_000);
});

describe('a scenario that states stdout kinds', () => {
  const o = (line: string): Outcome => ({ exit: 0, stdout: [line], stderr: '', exitEvent: { code: 0, printed: [] } });
  const s = { id: 'x/y', stdio: ['socket', 'pipe', 'file', 'tty'] as ('socket' | 'pipe' | 'file' | 'tty')[] };
  it('byStdio states each kind: a kind named, else \'*\', nested in a field or in another table', () => {
    const table = { ...o('x'), stdout: byStdio({ '*': ['any'], tty: byStdio({ tty: ['terminal'] }) }) };
    expect(forKind(table, 'pipe').stdout).toEqual(['any']);
    expect(forKind(table, 'tty').stdout).toEqual(['terminal']);
    expect(stdioProblems(s, s.stdio, byStdio({ '*': o('a'), tty: o('b') }))).toEqual([]);
  });
  it('refuses a kind left unstated, a kind the header does not run, and byStdio in a claim whose header names no kinds', () => {
    expect(stdioProblems(s, s.stdio, byStdio({ socket: o('a'), pipe: o('a'), file: o('a') }))).toEqual(["x/y: byStdio states nothing for tty (its header runs it with socket, pipe, file, tty): add tty or '*'"]);
    expect(stdioProblems({ id: 'x/y', stdio: ['pipe', 'file'] }, ['pipe', 'file'], byStdio({ '*': o('a'), tty: o('b') }))).toEqual(['x/y: byStdio states tty, which its header does not run it with (stdio: [pipe, file])']);
    expect(stdioProblems({ id: 'x/y', stdio: ['socket'] }, ['socket'], byStdio({ '*': o('a') }))[0]).toMatch(/^x\/y: the outcome states values by byStdio, but its header names no stdout kinds/);
    expect(() => byStdio({ fifo: o('a') } as never)).toThrow('byStdio: unknown stdout kind "fifo"');
  });
});

// `npm run matrix -- --boundaries` and `--all-releases`: which boundaries the spec states
// (changes: entries, byNode ranges) and the releases on either side of each (tools/boundaries.ts),
// how a boundary is judged, how a backport between two lines is explained, and the flags' input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explanation } from '../../harness/changes.ts';
import { readScenario, ROOT } from '../../harness/harness.ts';
import type { StoredObservation } from '../../harness/observation.ts';
import { boundaryListText, boundaryPlan, claimRanges, judgeBoundaries, listed, rangeVersions, specBoundaries, statedOnce, type BoundaryVerdict } from '../../tools/boundaries.ts';
import { runCommand } from '../../tools/command.ts';
import { spec as matrixCommand } from '../../tools/matrix.ts';
import { collectVitest } from '../../tools/vitest-run.ts';

const obs = (stdout: string): StoredObservation => ({
  id: 'x/y', node: 'v0.0.0', exitCode: 0, signal: null, stdout, stderr: '', exitEvent: { fired: true, code: 0 }, exitHandler: [], timedOut: false,
});

describe('the boundaries the spec states', () => {
  it('reads the versions of a byNode range', () => {
    expect(rangeVersions('<15')).toEqual(['15.0.0']);
    expect(rangeVersions('>=15 <20.15.0')).toEqual(['15.0.0', '20.15.0']);
    expect(rangeVersions('<16.14 || >=17.0.0-0 <17.4')).toEqual(['16.14.0', '17.0.0', '17.4.0']);
    expect(rangeVersions('<=15.2')).toEqual(['15.3.0']);
    expect(rangeVersions('*')).toEqual([]);
  });

  it('claim() publishes the ranges of the byNode tables evaluated in its suite since the claim before it (collected by vitest, nothing run)', async () => {
    const claims = await collectVitest([], { config: join(ROOT, 'spec/tooling/fixtures/ranges/vitest.ranges.config.ts') });
    // In each file's order; the files in vitest's own order, sorted here.
    const got = claims.map((c) => [c.file.replace(/^.*\//, ''), c.scenario, c.ranges] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    expect(got).toEqual([
      // `once`, a top-level constant, is not this describe's; `each()` is every claim's that calls it.
      ['a.fixture.ts', 'lifecycle/pending-await', ['<11', '>=11']],
      // A table evaluated in the describe after the previous claim is the next claim's; each range once.
      ['a.fixture.ts', 'lifecycle/exit-256', ['<12', '>=12', '>=12.1 <13 || >=13.2', '<12.1 || >=13 <13.2', '<11', '>=11']],
      ['a.fixture.ts', 'lifecycle/exitcode-natural', []],
      ['a.fixture.ts', 'lifecycle/exit-no-arg', ['*']],
      // The top-level claim: the top-level tables since the file began.
      ['a.fixture.ts', 'lifecycle/exit-float', ['<10', '>=10', '<13', '>=13']],
      // Another file starts afresh.
      ['b.fixture.ts', 'lifecycle/pending-await', ['<14', '>=14', '<15', '>=15']],
    ]);
  }, 60_000);

  it('the ranges per scenario, from the collected claims: each with its spec file, once; `*` states no boundary', () => {
    const c = (scenario: string, ranges: string[], file = 'spec/node/x.spec.ts') => ({ file, name: scenario, scenario, ranges });
    const r = claimRanges([c('x/one', ['<15', '>=15', '*']), c('x/one', ['<15', '>=15']), c('x/one', ['<16'], 'spec/node/y.spec.ts'), c('x/two', ['*']), c('x/three', [])]);
    expect([...r]).toEqual([['x/one', [{ range: '<15', file: 'spec/node/x.spec.ts' }, { range: '>=15', file: 'spec/node/x.spec.ts' }, { range: '<16', file: 'spec/node/y.spec.ts' }]]]);
  });

  it('each boundary gets the last registry release before it and the first at or after it, within the scenario\'s range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nas-bounds-'));
    try {
      const file = join(dir, 's.js');
      writeFileSync(file, `/*---
claim: made up
source: spec/tooling/boundaries.spec.ts
tags: [exit]
node: '>=14.2'
changes: [{in: '15.9.0', what: 'x', link: 'l'}, {never: '21', what: 'y', link: 'l'}]
---*/
`);
      const s = readScenario(file);
      const list = { versions: ['14.1.0', '14.2.0', '14.21.3', '15.0.0', '15.8.0', '15.10.0', '20.20.2', '21.0.0', '21.7.3', '22.0.0'] };
      const bs = specBoundaries([s], list, new Map([[s.id, [{ range: '<15', file: 'x.spec.ts' }, { range: '<14.2', file: 'x.spec.ts' }]]]));
      expect(bs.map((b) => [b.at, b.before, b.after])).toEqual([
        ['14.2.0', undefined, '14.2.0'], // nothing before it is in the scenario's range
        ['15.0.0', '14.21.3', '15.0.0'],
        ['15.9.0', '15.8.0', '15.10.0'], // 15.9.0 is not on the registry
        ['21.0.0', '20.20.2', '21.0.0'],
        ['22.0.0', '21.7.3', '22.0.0'],
      ]);
      expect([...boundaryPlan(bs).keys()]).toEqual(['14.2.0', '14.21.3', '15.0.0', '15.8.0', '15.10.0', '20.20.2', '21.0.0', '21.7.3', '22.0.0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--list: each boundary with its claim, release line and the release on each side, then the releases that would run', () => {
    const bs = [
      { scenario: 'x/y', at: '16.4.0', from: ['changes: 16.4.0', "byNode '<16.4' in spec/node/x.spec.ts"], before: '16.3.0', after: '16.4.0' },
      { scenario: 'x/z', at: '14.2.0', from: ['changes: 14.2.0'], after: '14.2.0' },
    ];
    expect(listed(bs)).toEqual([
      { scenario: 'x/y', line: '16', at: '16.4.0', before: '16.3.0', after: '16.4.0', from: ['changes: 16.4.0', "byNode '<16.4' in spec/node/x.spec.ts"] },
      { scenario: 'x/z', line: '14', at: '14.2.0', before: null, after: '14.2.0', from: ['changes: 14.2.0'] },
    ]);
    expect(boundaryListText(bs)).toBe([
      'claim  line  before  after   stated by',
      "x/y    16.x  16.3.0  16.4.0  at 16.4.0: changes: 16.4.0; byNode '<16.4' in spec/node/x.spec.ts",
      'x/z    14.x  -       14.2.0  at 14.2.0: changes: 14.2.0',
      '',
      '2 boundary(ies), 3 release(s) to run: 14.2.0, 16.3.0, 16.4.0 (nothing was run).',
      '',
    ].join('\n'));
  });

  it('a boundary holds when the claim passes on both sides; a failure on either side is a problem; same behaviour is only a note', () => {
    const b = { scenario: 'x/y', at: '15.0.0', from: ['changes: 15.0.0'], before: '14.21.3', after: '15.0.0' };
    const run = (a: [string, string], z: [string, string]) => judgeBoundaries([b], (v) => (v === '14.21.3' ? [{ verdict: a[0], observation: obs(a[1]) }] : [{ verdict: z[0], observation: obs(z[1]), failure: z[0] === 'fail' ? 'expected exit code 1\nmore' : undefined }]))[0]!;
    const ok: BoundaryVerdict = run(['pass', 'old'], ['pass', 'new']);
    expect(ok.problem).toBeUndefined();
    expect(ok.differs).toEqual(['stdout']);
    const bad = run(['pass', 'old'], ['fail', 'old']);
    expect(bad.problem).toBe('x/y at 15.0.0 (changes: 15.0.0): fail on 15.0.0: expected exit code 1');
    const same = run(['pass', 'same'], ['pass', 'same']);
    expect(same.problem).toBeUndefined();
    expect(same.note).toMatch(/same behaviour on 14\.21\.3 and 15\.0\.0/);
  });

  it('a scenario that states stdout kinds: a side passes only when every kind passes, and a differing field is named with its kind', () => {
    const b = { scenario: 'x/k', at: '15.0.0', from: ['changes: 15.0.0'], before: '14.21.3', after: '15.0.0' };
    const side = (pipe: [string, string], file: [string, string]) => [
      { stdio: 'pipe' as const, verdict: pipe[0], observation: obs(pipe[1]), ...(pipe[0] === 'fail' ? { failure: 'expected exit code 0' } : {}) },
      { stdio: 'file' as const, verdict: file[0], observation: obs(file[1]) },
    ];
    const ok = judgeBoundaries([b], (v) => (v === '14.21.3' ? side(['pass', 'old'], ['pass', 'same']) : side(['pass', 'new'], ['pass', 'same'])))[0]!;
    expect(ok.problem).toBeUndefined();
    expect(ok.differs).toEqual(['stdout (pipe)']);
    const bad = judgeBoundaries([b], (v) => (v === '14.21.3' ? side(['pass', 'old'], ['pass', 'same']) : side(['fail', 'new'], ['pass', 'same'])))[0]!;
    expect(bad.problem).toBe('x/k at 15.0.0 (changes: 15.0.0): fail on 15.0.0: [stdio pipe] expected exit code 0');
    const none = judgeBoundaries([b], (v) => (v === '14.21.3' ? side(['pass', 'old'], ['pass', 'same']) : []))[0]!;
    expect(none.afterVerdict).toBe('missing');
  });

  it('a boundary is stated once: a byNode edge needs a changes: entry, an `in:` entry a byNode edge or an edge of the scenario\'s node range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nas-bounds-'));
    try {
      const file = join(dir, 's.js');
      writeFileSync(file, `/*---
claim: made up
source: spec/tooling/boundaries.spec.ts
tags: [exit]
node: '>=12.10'
changes: [{in: '12.10.0', what: 'exists', link: 'l'}, {in: '12.17.0', what: 'backport', link: 'l'}, {in: '13.12.0', what: 'x', link: 'l'}, {in: '16.4.0', what: 'y', link: 'l'}, {never: '21', what: 'z', link: 'l'}, {in: '22.1.0', what: 'w', link: 'l'}]
---*/
`);
      const s = readScenario(file);
      // 13.0.0: a line start the 12.17.0 backport explains; 12.10.0: the node range's own edge; never 21 needs no range.
      const ranges = ['<12.17 || >=13 <13.12', '>=12.17 <13 || >=13.12', '<16.4', '>=16.4', '<18', '>=18', '*'];
      expect(statedOnce(s, ranges).map((u) => [u.missing, u.at])).toEqual([['changes', '18.0.0'], ['byNode', '22.1.0']]);
      expect(statedOnce(s, ranges)[0]!.text).toBe(`${s.id}: byNode '<18', '>=18' puts a boundary at 18.0.0, and no \`changes:\` entry of its header is there`);
      expect(statedOnce(s, ranges, ['22.1.0']).map((u) => u.at)).toEqual(['18.0.0']);
      expect(statedOnce(s, []).map((u) => u.at)).toEqual(['12.17.0', '13.12.0', '16.4.0', '22.1.0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('between two lines, a backport explains a difference: the earlier line got it before `from`, the next line only after `to`', () => {
    const changes = [{ in: '22.15.0', what: 'backport', link: 'l' }, { in: '23.10.0', what: 'x', link: 'l' }, { in: '22.0.0', what: 'an earlier change', link: 'l' }];
    // The backport nearest to `from`, not any earlier entry of its line.
    expect(explanation(changes, 'v22.23.3', 'v23.0.0')).toEqual(changes[0]);
    expect(explanation(changes, 'v22.14.0', 'v22.15.0')).toEqual(changes[0]);
    expect(explanation(changes, 'v22.1.0', 'v22.14.0')).toBeNull();
    // No later entry for the next line: not a backport, unexplained.
    expect(explanation([changes[0]!], 'v22.23.3', 'v23.0.0')).toBeNull();
  });
});

// In this process (tools/command.ts runCommand; the real-process wiring is tested in
// spec/tooling/matrix.spec.ts): none of these may start a process or ask the registry.
describe('npm run matrix -- --boundaries / --all-releases: input', () => {
  it.each([
    [['--boundaries', '22'], /^matrix: --boundaries chooses the releases itself/],
    [['--all-releases', '--latest'], /^matrix: --all-releases chooses the releases itself/],
    [['--all-releases', '--boundaries'], /^matrix: --all-releases and --boundaries: choose one/],
    [['--major', '15'], /^matrix: --major goes with --all-releases or --boundaries/],
    [['--all-releases', '--major', '99'], /^matrix: --major 99: not a major in node-versions.json/],
    [['--all-releases', '--major', 'x'], /^matrix: --major needs a major version number/],
    [['--list'], /^matrix: --list goes with --boundaries$/],
    [['--boundaries', '--json'], /^matrix: --json goes with --boundaries --list$/],
    [['--json'], /^matrix: --json goes with --boundaries --list$/],
    [['--boundaries', '--list', '--out', 'x'], /^matrix: --list runs nothing: it takes no --out, --jobs or --version-timeout$/],
    [['--boundaries', '--list', '--jobs', '2'], /^matrix: --list runs nothing/],
    [['--boundaries', '--list', '22'], /^matrix: --boundaries chooses the releases itself/],
    [['--boundaries', '--list', '--major', '99'], /^matrix: --major 99: not a major in node-versions.json/],
    [['--boundaries', '--list', '--only', 'no-such/'], /^matrix: --only no-such\/: no scenario id starts with/],
    [['--boundaries', '--list', '--json=yes'], /^matrix: Option '--json' does not take an argument/],
  ])('%j: one line, exit 2', async (args, pattern) => {
    const r = await runCommand(matrixCommand, args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
  });
});

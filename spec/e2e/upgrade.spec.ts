// `npm run upgrade` on real releases (npm run test:e2e): between the pins of 18 and 22 it lists
// exactly the claims whose behaviour differs (checked against running every scenario on both here),
// most consequential first, each with the release its change came in; --md between 22.14.0 and
// 22.15.0; --only and --fail-on (exit 1 when a difference in scope is at a named severity, 0 when
// none is); Node against Bun; a release the registry lacks is one line and exit code 2.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heldTemp } from '../support/temp.ts';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { appliesTo, listScenarios, ROOT, runScenario } from '../../harness/harness.ts';
import { claimKey } from '../../harness/records.ts';
import { stdioKinds } from '../../tools/bisect-run.ts';
import { ensureVersion } from '../../harness/node-binaries.ts';
import { pins } from '../../harness/pins.ts';
import { registryReleases } from '../../harness/releases.ts';
import { sameBehaviour, stored } from '../../harness/observation.ts';
import { pool } from '../../tools/pool.ts';
import type { UpgradeReport } from '../../tools/upgrade.ts';

const UPGRADE = join(ROOT, 'tools', 'upgrade.ts');
// Each run gets a time limit under its test's own, so a test that times out never leaves it running.
const cli = (args: string[], timeout = 880_000, env: Record<string, string> = {}) => execa(process.execPath, ['--import', 'tsx', UPGRADE, ...args], { cwd: ROOT, reject: false, stdin: 'ignore', env: { NO_COLOR: '1', ...env }, timeout });

describe('npm run upgrade -- 18 22', () => {
  let report: UpgradeReport & { schema: number };
  let stderr = '';
  beforeAll(async () => {
    const r = await cli(['18', '22', '--json', '--bisect', '--jobs', '2']);
    stderr = r.stderr;
    expect(r.exitCode, r.stderr).toBe(0);
    report = JSON.parse(r.stdout) as UpgradeReport & { schema: number };
  }, 900_000);

  it('names the pinned releases of both majors, in the one JSON shape (schema 1)', () => {
    expect(report.schema).toBe(1);
    expect(report.from).toEqual({ runtime: 'node', version: pins()['18'] });
    expect(report.to).toEqual({ runtime: 'node', version: pins()['22'] });
    expect([report.only, report.failOn, report.failing]).toEqual([[], null, []]);
    expect(stderr).toMatch(/^upgrade: /m);
  });

  it('a claim known to differ is listed with both sides; one known the same is not', () => {
    const ids = report.differ.map((d) => d.scenario);
    // 22.15.0 gives the exit listeners of a never-settling top-level await 13 instead of 0 (nodejs/node#56872).
    expect(ids).toContain('lifecycle/tla-never-settles');
    // The non-Error rejection prints with a stack from 22.2.0 on (nodejs/node#52108); not so in 18.
    expect(ids).toContain('rejections/unhandled-non-error');
    expect(ids).not.toContain('lifecycle/pending-await');
    expect(ids).not.toContain('rejections/unhandled-default');
    const tla = report.differ.find((d) => d.scenario === 'lifecycle/tla-never-settles')!;
    expect(tla.diff).toContainEqual({ field: 'exit event', before: 'fired with code 0', after: 'fired with code 13' });
    expect(tla.before['exit code']).toBe(13);
    expect(tla.after['exit code']).toBe(13);
    // Its changes, bisected and matched with the header's entries and links.
    const firsts = Object.fromEntries(tla.changes.map((c) => [c.first, c]));
    expect(firsts['22.0.0']).toMatchObject({ status: 'bisected', before: '21.7.3', link: 'https://github.com/nodejs/node/pull/51999' });
    expect(firsts['22.15.0']).toMatchObject({ status: 'bisected', before: '22.14.0', link: 'https://github.com/nodejs/node/pull/56872' });
  });

  it('most consequential first', () => {
    const sev = report.differ.map((d) => d.severity);
    expect(sev).toEqual([...sev].sort((a, b) => b - a));
    for (const d of report.differ) expect(d.fields.length).toBeGreaterThan(0);
  });

  it('lists the claims that differ and nothing else: the same set as running every scenario alone on both', async () => {
    const [a, b] = await Promise.all([ensureVersion(report.from.version), ensureVersion(report.to.version)]);
    const both = listScenarios().filter((s) => s.runtimes.includes('node') && appliesTo(s, a.version) && appliesTo(s, b.version));
    // A scenario that states several stdout kinds is a claim per kind, run with each.
    const subjects = both.flatMap((s) => stdioKinds(s).map((stdio) => ({ s, stdio })));
    const differ = await pool(subjects, 2, async ({ s, stdio }) => {
      const opts = stdio ? { stdio } : {};
      const [x, y] = await Promise.all([runScenario(s, a, opts), runScenario(s, b, opts)]);
      return sameBehaviour(stored(x), stored(y)) ? null : claimKey({ scenario: s.id, ...(stdio ? { stdio } : {}) });
    });
    const expected = differ.filter((x): x is string => x !== null).sort();
    // A claim that is unsteady (a second run behaved otherwise) is listed apart, not as a difference.
    const unsteady = report.unsteady.map((u) => claimKey(u));
    expect(report.differ.map((d) => claimKey(d)).sort()).toEqual(expected.filter((id) => !unsteady.includes(id)));
    expect(report.same + report.differ.length + report.unsteady.length).toBe(subjects.length);
  }, 900_000);
});

describe('npm run upgrade: --only and --fail-on gate a CI job', () => {
  // Between 18 and 22: lifecycle/exitcode-non-numeric exits 0 before Node 20 and throws from 20
  // (its exit code differs); lifecycle/tla-never-settles differs only in its exit event (22.15.0).
  it('18 22 --only lifecycle --fail-on exit-code: exit 1, naming the claims whose exit differs', async () => {
    const r = await cli(['18', '22', '--only', 'lifecycle', '--fail-on', 'exit-code', '--json', '--jobs', '2']);
    expect(r.exitCode, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as UpgradeReport;
    expect(report.only).toEqual(['lifecycle']);
    expect(report.failOn).toEqual(['hang', 'exit']);
    expect(report.failing).toContain('lifecycle/exitcode-non-numeric');
    expect(report.failing).not.toContain('lifecycle/tla-never-settles');
    expect(report.differ.map((d) => d.scenario)).toContain('lifecycle/tla-never-settles');
    for (const d of report.differ) expect(d.scenario.startsWith('lifecycle')).toBe(true);
    expect(r.stderr).toMatch(/^upgrade: \d+ claim\(s\) differ at hang, exit \(--fail-on\): exit 1$/m);
    expect(r.stderr).toMatch(/^upgrade: \d+\/\d+ runs, \d+ s elapsed/m);
  }, 900_000);

  it('the same with no difference in scope at that severity: exit 0; at a lower severity it is there: exit 1', async () => {
    const none = await cli(['18', '22', '--only', 'lifecycle/tla-never-settles', '--fail-on', 'exit-code', '--jobs', '2']);
    expect(none.exitCode, none.stderr).toBe(0);
    expect(none.stdout).toMatch(/^ok \(--fail-on hang,exit\): no claim differs at those severities$/m);
    const event = await cli(['18', '22', '--only', 'lifecycle/tla-never-settles', '--fail-on', 'exit-event', '--jobs', '2']);
    expect(event.exitCode, event.stderr).toBe(1);
    expect(event.stdout).toMatch(/^FAIL \(--fail-on hang,exit,output,exit-event\): 1 claim\(s\) differ at those severities: lifecycle\/tla-never-settles$/m);
  }, 900_000);

  it('22 bun: Node against Bun, scenarios Bun does not run listed apart with the reason', async () => {
    const r = await cli(['22', 'bun', '--only', 'lifecycle', '--json', '--jobs', '2']);
    expect(r.exitCode, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as UpgradeReport;
    expect(report.from).toEqual({ runtime: 'node', version: pins()['22'] });
    expect(report.to.runtime).toBe('bun');
    for (const n of report.notCompared) expect(n.why).toMatch(/^not on bun|^applies to |^bun does not take/);
    for (const d of report.differ) expect(d.changes).toEqual([]);
    expect(report.same + report.differ.length + report.unsteady.length).toBeGreaterThan(0);
  }, 900_000);
});

describe('npm run upgrade: targets read from the registry\'s list and from files', () => {
  it('a .nvmrc of lts/* against latest: an even line with a later major out, against the newest release', async () => {
    const held = heldTemp('nas-upgrade-nvmrc-');
    const dir = held.path;
    try {
      writeFileSync(join(dir, '.nvmrc'), 'lts/*\n');
      const r = await cli([join(dir, '.nvmrc'), 'latest', '--only', 'lifecycle/pending-await', '--json']);
      expect(r.exitCode, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout) as UpgradeReport;
      const versions = (await registryReleases()).versions;
      expect(report.to).toEqual({ runtime: 'node', version: versions.at(-1) });
      const lts = Number(report.from.version.split('.')[0]);
      expect(lts % 2).toBe(0);
      expect(versions.some((v) => Number(v.split('.')[0]) > lts)).toBe(true);
      // The newest release of its line.
      expect(versions.filter((v) => v.startsWith(`${lts}.`)).at(-1)).toBe(report.from.version);
      expect(report.same + report.differ.length + report.unsteady.length).toBe(1);
    } finally {
      held.remove();
    }
  }, 900_000);
});

describe('npm run upgrade: output forms and releases the registry lacks', () => {
  it('--md is a Markdown report with a side-by-side table per claim', async () => {
    const r = await cli(['22.14.0', '22.15.0', '--md', '--jobs', '2']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# node 22\.14\.0 → node 22\.15\.0$/m);
    expect(r.stdout).toMatch(/^## `lifecycle\/tla-never-settles` \(/m);
    expect(r.stdout).toMatch(/^\| exit event \| <code>fired with code 0<\/code> \| <code>fired with code 13<\/code> \|$/m);
  }, 900_000);

  it('a release the registry lacks: one line, exit 2, and the other release is not fetched', async () => {
    // An empty cache of its own: 18's pin is then absent too, and must not be downloaded for nothing.
    const held = heldTemp('nas-upgrade-');
    const cache = held.path;
    try {
      for (const args of [['18', '27.99.0'], ['27.99.0', '18']]) {
        const r = await cli(args, 80_000, { NODE_ASYNC_SPEC_CACHE: cache });
        expect(r.exitCode, r.stderr).toBe(2);
        expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
        expect(r.stderr.trim()).toMatch(/^upgrade: node 27\.99\.0: the npm registry has no node-/);
        expect(readdirSync(cache).filter((f) => f !== 'registry'), 'nothing fetched').toEqual([]);
      }
    } finally {
      held.remove();
    }
  }, 180_000);
});

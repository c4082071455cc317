// The harness's own contract: headers are validated, scenarios run in a clean environment, the
// exit event is observed, and nothing a scenario starts outlives it (also when it times out).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { byNode } from '../../harness/claims.ts';
import { findScenario, listScenarios, readScenario, ROOT, runScenario, SpecError } from '../../harness/harness.ts';
import { descendants, isRunning, killGroup, procStat, releaseGroup, startGroup, tree, until } from '../../harness/procs.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readScenario(join(fixtures, name));
const target = inject('target');

function pidsIn(text: string, label: string): number[] {
  return [...text.matchAll(new RegExp(`^${label} (\\d+)$`, 'gm'))].map((m) => Number(m[1]));
}

describe('scenario headers', () => {
  it.each([
    ['bad-unknown-field.js', /bad-unknown-field\.js: unknown header field "colour"/],
    ['bad-unknown-tag.js', /bad-unknown-tag\.js: unknown tag "nope"/],
    ['bad-no-claim.js', /bad-no-claim\.js: header field "claim" is required/],
    ['bad-bad-yaml.js', /bad-bad-yaml\.js: malformed header/],
    ['bad-bad-range.js', /bad-bad-range\.js: header field "node" is not a semver range/],
    ['bad-bad-timeout.js', /bad-bad-timeout\.js: header field "timeout" must be a positive whole number/],
    ['bad-no-header.js', /bad-no-header\.js: no metadata header/],
  ])('%s is rejected with a one-line error naming the file', (name, message) => {
    let err: unknown;
    try {
      fixture(name);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SpecError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
  });

  it('every scenario in the repository has a valid header and a unique id', () => {
    const all = listScenarios();
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
  });

  it('an unknown id names the closest ones', () => {
    expect(() => findScenario('lifecycle/pending-awai')).toThrow(/no scenario "lifecycle\/pending-awai" \(did you mean lifecycle\/pending-await/);
  });
});

describe('running a scenario', () => {
  it('gives it a clean environment: nothing inherited from the caller but PATH/HOME/locale, plus the header env', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { NODE_OPTIONS: '--no-warnings', FORCE_COLOR: '3', NODE_DEBUG: 'timer', NODE_NO_WARNINGS: '1', NODE_ENV: 'production' });
    try {
      const r = await runScenario(fixture('env-dump.js'), target);
      expect(r.stdout).toBe(['NODE_OPTIONS', 'FORCE_COLOR', 'NO_COLOR', 'NODE_DEBUG', 'NODE_NO_WARNINGS', 'NODE_ASYNC_SPEC_OBSERVER'].map((n) => `${n}=(unset)\n`).join('') + 'FROM_HEADER=yes\nNODE_ENV=(unset)\nexit 0\n');
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });

  it('observes the exit event: its listeners received 0, the process exited 4 (set inside a listener), and the lines printed during it', async () => {
    const r = await runScenario(fixture('env-dump.js'), target);
    expect(r.exitEvent).toEqual({ fired: true, code: 0 });
    expect(r.exitHandler).toEqual(['exit 0']);
    expect(r.exitCode).toBe(4);
  });

  it('kills the whole process tree at the time limit and reports what it had printed, with "timed out"', async () => {
    const s = fixture('hangs-with-children.js');
    const r = await runScenario(s, target, { timeout: 4000 });
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(r.stdout).toContain('partial output before the hang');
    const pids = [...pidsIn(r.stdout, 'child'), ...pidsIn(r.stdout, 'grandchild')];
    expect(pids).toHaveLength(2);
    for (const pid of pids) expect(isRunning(pid), `pid ${pid} still alive`).toBe(false);
  });

  it('at the time limit also ends cluster workers, servers, grandchildren and detached children', async () => {
    // 8 s: long enough for the worker to start on a loaded machine; the scenario itself never ends.
    const r = await runScenario(fixture('hang-tree.js'), target, { timeout: 8000 });
    expect(r.timedOut).toBe(true);
    const pids = ['server', 'worker', 'grandchild', 'detached'].map((role) => pidsIn(r.stdout, `alive ${role}`));
    expect(pids.map((p) => p.length), r.stdout).toEqual([1, 1, 1, 1]);
    for (const pid of pids.flat()) expect(isRunning(pid), `pid ${pid} still alive`).toBe(false);
  });

  it('at the time limit also ends a detached child (a group of its own) and what it started', async () => {
    // 6 s: long enough for the detached child to start its own child on a loaded machine.
    const r = await runScenario(fixture('hang-detached.js'), target, { timeout: 6000 });
    expect(r.timedOut).toBe(true);
    const pids = [...pidsIn(r.stdout, 'detached'), ...pidsIn(r.stdout, 'grandchild')];
    expect(pids, r.stdout).toHaveLength(2);
    for (const pid of pids) expect(isRunning(pid), `pid ${pid} still alive`).toBe(false);
  });

  it('gives it a temporary folder of its own (TMPDIR), removed when the run ends, also at the time limit', async () => {
    // 4 s: ample for a process that makes one folder and prints one line, on a loaded machine.
    const r = await runScenario(fixture('temp-hang.js'), target, { timeout: 4000 });
    expect(r.timedOut).toBe(true);
    const made = /^made (.+)$/m.exec(r.stdout)?.[1];
    expect(made, r.stdout).toBeDefined();
    expect(dirname(made!)).not.toBe(tmpdir());
    expect(basename(dirname(made!))).toMatch(/^nas-scenario-/);
    expect(existsSync(made!)).toBe(false);
    expect(existsSync(dirname(made!))).toBe(false);
  });

  it('leaves no orphan behind when the main process ends first', async () => {
    const r = await runScenario(fixture('orphan-maker.js'), target);
    expect(r.exitCode).toBe(0);
    const [pid] = pidsIn(r.stdout, 'orphan');
    expect(pid).toBeGreaterThan(0);
    expect(isRunning(pid!)).toBe(false);
  });
});

describe('the guard\'s shell half (harness/guard.sh): the list it hands to guard.cjs once the pipe ends', () => {
  // guard.sh as procs.ts starts it, but with a stand-in for Node that writes down what it was given.
  const handOver = async (lines: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'nas-guard-sh-'));
    try {
      const standIn = join(dir, 'stand-in.sh');
      writeFileSync(standIn, `cat > "${dir}/held"; printf '%s' "$1" > "${dir}/group"\n`);
      const sh = spawn('/bin/sh', [join(ROOT, 'harness', 'guard.sh'), '/bin/sh', standIn], { stdio: ['pipe', 'ignore', 'ignore'] });
      const code = new Promise<number | null>((resolve) => sh.on('exit', resolve));
      sh.stdin.end(lines);
      expect(await code).toBe(0);
      const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), 'utf8') : undefined);
      return { held: read('held'), group: read('group') };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('hands what is still held, each once, in the order first held, with the holder\'s group', async () => {
    const odd = '/tmp/a b/$HOME `x` [y]*';
    const r = await handOver(['g 10', 'g 11', 'g 10', 'r 10', 'p 5', 'q 5', `d ${odd}`, 'd /tmp/gone', 'e /tmp/gone', 'e /tmp/never-held', 'c /sys/fs/cgroup/x', 'u /sys/fs/cgroup/x', 'r 99', 'g 12', 'half a line'].join('\n'));
    expect(r.held).toBe(`g 11\nd ${odd}\ng 12\n\n`);
    expect(r.group).toBe(String(procStat(process.pid)!.pgid));
  });

  it('starts nothing when everything held was let go', async () => {
    expect(await handOver('g 10\nd /tmp/x\nr 10\ne /tmp/x\n')).toEqual({ held: undefined, group: undefined });
    expect(await handOver('')).toEqual({ held: undefined, group: undefined });
  });
});

describe('the guard (harness/guard.sh, then guard.cjs), once its holder is killed', () => {
  it('kills a run whose group it was never told, found by its TMPDIR (a held folder), and removes the folder', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nas-guard-'));
    const holder = spawn(process.execPath, [join(fixtures, 'guard-holder.js'), join(ROOT, 'harness'), folder], { stdio: ['ignore', 'pipe', 'ignore'] });
    const [run, guard] = (await new Promise<string>((resolve) => holder.stdout.once('data', (d: Buffer) => resolve(d.toString())))).trim().split(' ').map(Number);
    try {
      expect(isRunning(run!)).toBe(true);
      holder.kill('SIGKILL');
      await until('the guard to end', () => !isRunning(guard!), 10_000);
      expect(isRunning(run!)).toBe(false);
      expect(existsSync(folder)).toBe(false);
    } finally {
      holder.kill('SIGKILL');
      killGroup(run);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('byNode', () => {
  it('picks the one range that covers the version', () => {
    expect(byNode({ '<15': 'warn', '>=15': 'crash' }, { runtime: 'node', version: 'v14.21.3' })).toBe('warn');
    expect(byNode({ '<15': 'warn', '>=15': 'crash' }, { runtime: 'node', version: 'v26.10.0' })).toBe('crash');
  });
  it('refuses overlapping ranges and versions no range states', () => {
    expect(() => byNode({ '>=12': 1, '>=15': 2 }, { runtime: 'node', version: 'v16.0.0' })).toThrow(/overlap/);
    expect(() => byNode({ '>=15': 2 }, { runtime: 'node', version: 'v12.22.12' })).toThrow(/no range covers Node v12.22.12/);
  });
});

describe('descendants(): the process tree read by following each process\'s children (harness/procs.ts)', () => {
  it('finds the same processes as tree(), which reads every process: a child and the grandchild it started', async () => {
    // A shell that starts a sleeping grandchild and waits for it, in a group held by harness/procs.ts
    // (killed by the guard if this run is killed first).
    const child = startGroup('/bin/sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    try {
      await until('the grandchild to start', () => descendants(child.pid!).length >= 2, 10_000);
      const pids = (ps: { pid: number }[]) => ps.map((p) => p.pid).sort((a, b) => a - b);
      expect(pids(descendants(child.pid!))).toEqual(pids(tree(child.pid!)));
      expect(descendants(child.pid!).map((p) => p.ppid)).toContain(child.pid);
      expect(descendants(process.pid).map((p) => p.pid)).toContain(process.pid);
    } finally {
      killGroup(child.pid);
      releaseGroup(child.pid);
    }
  });
});

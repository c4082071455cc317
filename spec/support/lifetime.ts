// What the lifetime tests share (spec/e2e/lifetime-local.spec.ts, spec/e2e/lifetime.spec.ts): an npm
// command started as a terminal or a CI runner starts it (npm in a process group of its own),
// interrupted once what it runs is running, by a signal to npm, to the command or to the whole
// group; then nothing the run started may be left running, nor any folder in its TMPDIR.
//
// Every process of the run is found by its environment: TMPDIR points into a folder made for the
// test, and every process the project starts inherits it (a scenario's own TMPDIR is a folder in
// it; a Lambda runtime and a guard keep it).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { expect } from 'vitest';
import { ROOT } from '../../harness/project.ts';
import { escapeMountPath, holdFolder, holdGroup, inItsFileSystem, isGuard, processes, releaseGroup, removeCgroup, runningWith, tree, until, type Proc } from '../../harness/procs.ts';
import { CGROUP_PREFIX, pidsParent } from '../../lambda/cgroup.ts';

export type Target = 'npm' | 'command' | 'group';
export type Sig = 'SIGTERM' | 'SIGKILL';

/** Every way a command is stopped: each signal to each target. */
export const ALL: [Target, Sig][] = (['npm', 'command', 'group'] as const).flatMap((t) => (['SIGTERM', 'SIGKILL'] as const).map((s): [Target, Sig] => [t, s]));
export const TARGET_NAMES: Record<Target, string> = { npm: 'npm', command: 'the command', group: 'the whole group' };

/**
 * `npm test` (only the interrupt fixture's claim, through its config), while that claim's
 * scenario runs: a copy of spec/tooling/fixtures/hang-tree.js, which never ends, with a cluster
 * worker, a grandchild and a detached child.
 */
export const NPM_TEST: LifetimeCase = {
  npm: ['test', '--', '--config', 'spec/tooling/fixtures/slow/vitest.interrupt.config.ts'],
  env: { HANG_TREE_FILE: '{dir}/hang-tree.js', SPEC_NODE: '' },
  files: { 'hang-tree.js': readFileSync(join(ROOT, 'spec/tooling/fixtures/hang-tree.js'), 'utf8') },
  command: 'vitest',
  ready: { what: "the claim's scenario, its worker, its grandchild and its detached child", when: hangTreeUp },
};

/** A running process of the run, with its command line. */
export interface Running extends Proc {
  cmdline: string;
}

export interface LifetimeCase {
  /** What is run: `npm <args>`, from the project's root. */
  npm: string[];
  env?: Record<string, string>;
  /** A word of the command's own command line ("tools/run.mjs", "vitest"): the nearest process under npm with it is "the command". */
  command: string;
  /** What must be running (or, for a download in this process, be on disk in the test's folder `dir`) before the signal is sent. */
  ready: { what: string; when: (running: Running[], dir: string) => boolean };
  /** Files the case needs, made in the test's folder: name -> content. */
  files?: Record<string, string>;
  /** Beyond the TMPDIR: what the run left in the test's folder that it must not have (a download's unpacking folder in the cache). */
  leftovers?: (dir: string) => string[];
  /**
   * For a run that can end by itself (within the time the test waits for it to be gone): whether
   * it did its work all the same (its result printed, its files written), which a run stopped by
   * the signal must not have done. A run that never ends by itself needs none.
   */
  finished?: (dir: string, stdout: string) => boolean;
}

// At most n of the e2e cases at once (they start whole vitest runs: not all at once on two cores).
export { limiter } from '../../tools/pool.ts';

/** The processes (not zombies) whose environment names `token` (or whose mounts do), with their command lines. */
export function runningOf(token: string): Running[] {
  // A Lambda runtime has no TMPDIR where its /tmp is the environment's folder itself: its mounts
  // name that folder, which is under the run's TMPDIR (lambda/isolation.ts).
  const pids = new Set([...runningWith(token, 'environ'), ...runningWith(` ${escapeMountPath(inItsFileSystem(token))}/`, 'mountinfo')]);
  return processes().filter((p) => pids.has(p.pid)).map((p) => {
    let cmdline = '';
    try {
      cmdline = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    } catch {
      // gone
    }
    return { ...p, cmdline };
  });
}

/** Whether `n` processes of the run have `needle` in their command line (not npm's, the shell's or the command's: they name their arguments too). */
export const runs = (r: Running[], needle: string, n = 1) => r.filter((p) => p.cmdline.includes(needle) && !/^(npm |sh -c |\/bin\/sh -c )|tools\/run\.mjs/.test(p.cmdline)).length >= n;

/**
 * Whether spec/tooling/fixtures/hang-tree.js (or a copy) is fully up: its grandchild and its
 * detached child both run their own code (spawned after the cluster worker, by the scenario,
 * which then only waits).
 */
export function hangTreeUp(r: Running[]): boolean {
  return r.filter((p) => p.cmdline.includes('-e setInterval(function(){},1000)')).length >= 2;
}

/** The case's folder: `files` are made in it; `{dir}` in the case's arguments and environment stands for it. */
const fill = (s: string, dir: string) => s.replaceAll('{dir}', dir);

/**
 * Runs the case, sends `signal` to `target` once it is ready, and checks that every process of
 * the run ends (within `goneMs`) and that its TMPDIR is left empty. Leftovers are killed and the
 * folder removed whatever happens.
 */
export async function interrupt(c: LifetimeCase, target: Target, signal: Sig, limits = { readyMs: 90_000, goneMs: 30_000 }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'nas-lifetime-'));
  // Held: if this test's own process is stopped, the run it started (its own group) and the folder go too.
  const unholdDir = holdFolder(dir);
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  for (const [name, text] of Object.entries(c.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), fill(text, dir));
  }
  const env: Record<string, string> = { NO_COLOR: '1' };
  for (const [k, v] of Object.entries(c.env ?? {})) env[k] = fill(v, dir);
  env.TMPDIR = tmp;
  const npm = execa('npm', c.npm.map((a) => fill(a, dir)), { cwd: ROOT, env, detached: true, reject: false, stdin: 'ignore', timeout: 600_000 });
  holdGroup(npm.pid);
  // Every process of the run seen, for the Lambda cgroups named after them (lambda/cgroup.ts).
  const seen = new Set<number>();
  const ofRun = () => {
    const r = runningOf(tmp);
    for (const p of r) seen.add(p.pid);
    return r;
  };
  try {
    await until(c.ready.what, () => {
      if (npm.exitCode !== null) throw new Error(`npm ${c.npm.join(' ')} ended (exit code ${npm.exitCode}) before ${c.ready.what}`);
      return c.ready.when(ofRun(), dir);
    }, limits.readyMs);
    const pid = target === 'npm' ? npm.pid! : target === 'group' ? -npm.pid! : commandOf(npm.pid!, c.command);
    process.kill(pid, signal);
    const left = () => ofRun().map((p) => `${p.pid} (${p.state}, parent ${p.ppid}, group ${p.pgid}): ${p.cmdline.slice(0, 200)}`);
    await until(`every process of the run to end after ${signal} to ${target}`, () => left().length === 0, limits.goneMs).catch(() => {});
    const still = left().join('\n');
    expect(still, `still running ${limits.goneMs} ms after ${signal} to ${target}:\n${still}\n`).toBe('');
    expect(readdirSync(tmp).filter((n) => n !== NPM_COMPILE_CACHE), `left in the run's TMPDIR after ${signal} to ${target}`).toEqual([]);
    if (c.leftovers) expect(c.leftovers(dir), `left behind after ${signal} to ${target}`).toEqual([]);
    expect(cgroupsOf(seen), `Lambda cgroups left after ${signal} to ${target}`).toEqual([]);
    const r = await npm;
    expect(r.exitCode === 0 && !r.signal, `npm ended as if nothing happened: ${r.stderr.slice(-300)}`).toBe(false);
    if (c.finished) expect(c.finished(dir, r.stdout), `the run carried on after ${signal} to ${target} and did its work:\n${r.stdout.slice(-500)}`).toBe(false);
  } finally {
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // gone
    }
    // What is left of the run but its guards, then the guards once they have had time to do their
    // work (a guard killed first would leave what it held: a frozen runtime, its cgroup).
    const kill = (guards: boolean) => {
      for (const p of runningOf(tmp)) {
        if (isGuard(p.pid) !== guards) continue;
        try {
          process.kill(p.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }
    };
    kill(false);
    await until('the run\'s guards to finish', () => !runningOf(tmp).some((p) => isGuard(p.pid)), 15_000).catch(() => {});
    kill(true);
    for (const left of cgroupsOf(seen)) await removeCgroup(left);
    await npm.catch(() => {});
    releaseGroup(npm.pid);
    rmSync(dir, { recursive: true, force: true });
    unholdDir();
  }
}

/**
 * npm's own module compile cache: npm run under Node 22 or later turns Node's compile cache on
 * (module.enableCompileCache) and keeps it in the temporary folder on purpose, for every later
 * npm. Not something a stopped run left behind.
 */
const NPM_COMPILE_CACHE = 'node-compile-cache';

/** The Lambda services' cgroups (lambda/cgroup.ts: named after the service's process id) of these processes that are still there. */
function cgroupsOf(pids: Set<number>): string[] {
  const parent = pidsParent();
  if (!('dir' in parent)) return [];
  return readdirSync(parent.dir).filter((n) => [...pids].some((pid) => n.startsWith(`${CGROUP_PREFIX}${pid}-`))).map((n) => join(parent.dir, n));
}

/** The nearest process under npm whose command line has `word` (npm, then `sh -c`, then the command). */
function commandOf(npmPid: number, word: string): number {
  const all = processes();
  const under = tree(npmPid, all).slice(1);
  const line = (pid: number) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      return '';
    }
  };
  const depth = (p: Proc) => {
    let d = 0;
    for (let q: Proc | undefined = p; q && q.pid !== npmPid; q = all.find((x) => x.pid === q!.ppid)) d++;
    return d;
  };
  const found = under.filter((p) => p.state !== 'Z' && line(p.pid).includes(word) && !/^(\/bin\/)?sh -c/.test(line(p.pid))).sort((a, b) => depth(a) - depth(b))[0];
  if (!found) throw new Error(`no process with ${JSON.stringify(word)} in its command line under npm (${npmPid})`);
  return found.pid;
}

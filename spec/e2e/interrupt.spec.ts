// `npm test` interrupted while a scenario runs (Ctrl-C in a terminal, or SIGTERM from a CI
// runner) leaves no process of the project behind: the scenario, its cluster worker, its server,
// its grandchild and its detached child (a group of its own) are all gone once npm has exited.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { HAS_PROC, holdCleanup, runningWith, runningWith as processesWith, until } from '../../harness/procs.ts';

/**
 * If this worker is stopped mid-test (the outer run interrupted), the test's own `finally` does
 * not run: its npm run (a group of its own) is killed, then its folder removed (in that order:
 * vitest would make its TMPDIR again for its cache).
 */
function stopAndRemove(pgid: number | undefined, dir: string) {
  try {
    if (pgid) process.kill(-pgid, 'SIGKILL');
  } catch {
    // gone
  }
  rmSync(dir, { recursive: true, force: true });
}


describe.skipIf(!HAS_PROC)('interrupting npm test (needs /proc: Linux only)', () => {
  it.each([
    ['SIGINT to the whole foreground group (Ctrl-C)', 'SIGINT', true],
    ['SIGTERM to npm alone (a CI runner stopping the job)', 'SIGTERM', false],
  ] as const)('%s leaves no process behind', async (_label, signal, wholeGroup) => {
    const dir = mkdtempSync(join(tmpdir(), 'nas-interrupt-'));
    const token = `hang-tree-${randomUUID()}.js`;
    const file = join(dir, token);
    copyFileSync(join(ROOT, 'spec/tooling/fixtures/hang-tree.js'), file);
    const npm = execa('npm', ['test', '--', '--config', 'spec/tooling/fixtures/slow/vitest.interrupt.config.ts'], {
      // TMPDIR: the interrupted vitest's own temporary folder goes in `dir`, removed below.
      cwd: ROOT, env: { HANG_TREE_FILE: file, SPEC_NODE: '', TMPDIR: dir }, detached: true, reject: false, stdin: 'ignore',
    });
    const release = holdCleanup(() => stopAndRemove(npm.pid, dir));
    try {
      // primary, worker and grandchild all mention the file
      await until('the scenario, its worker and its grandchild to start', () => processesWith(token).length >= 3, 60_000);
      if (wholeGroup) process.kill(-npm.pid!, signal);
      else process.kill(npm.pid!, signal);
      // The scenario's own time limit is 10 minutes: only the interruption can end it this soon.
      await until('every process of the interrupted run to end', () => processesWith(token).length === 0, 15_000);
      expect(processesWith(token)).toEqual([]);
      const r = await npm;
      expect(r.exitCode).not.toBe(0);
    } finally {
      try { process.kill(-npm.pid!, 'SIGKILL'); } catch { /* gone */ }
      for (const pid of processesWith(token)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
      rmSync(dir, { recursive: true, force: true });
      release();
    }
  }, 120_000);
});

describe.skipIf(!HAS_PROC)('interrupting npm test while the run-ahead pool runs the Node claims (needs /proc: Linux only)', () => {
  it('Ctrl-C leaves none of the scenarios the pool started behind', async () => {
    // A private TMPDIR marks every process of this run: a scenario's clean environment keeps TMPDIR.
    const tmp = mkdtempSync(join(tmpdir(), 'nas-interrupt-ahead-'));
    const npm = execa('npm', ['test', '--', 'spec/node'], { cwd: ROOT, env: { TMPDIR: tmp, SPEC_NODE: '' }, detached: true, reject: false, stdin: 'ignore' });
    const release = holdCleanup(() => stopAndRemove(npm.pid, tmp));
    const scenarios = () => runningWith(tmp, 'environ').filter((p) => {
      try {
        return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(join(ROOT, 'scenarios'));
      } catch {
        return false;
      }
    });
    try {
      await until('the pool to run several scenarios at once', () => scenarios().length >= 3, 60_000);
      process.kill(-npm.pid!, 'SIGINT');
      await until('every process of the interrupted run to end', () => runningWith(tmp, 'environ').length === 0, 15_000);
      expect(runningWith(tmp, 'environ')).toEqual([]);
      expect((await npm).exitCode).not.toBe(0);
    } finally {
      try { process.kill(-npm.pid!, 'SIGKILL'); } catch { /* gone */ }
      for (const pid of runningWith(tmp, 'environ')) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
      rmSync(tmp, { recursive: true, force: true });
      release();
    }
  }, 120_000);
});

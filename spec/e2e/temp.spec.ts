// Nothing left in TMPDIR, however a run ends. A run of the suite's files (a fixture that holds a
// folder for its file and one for a test, spec/support/temp.ts; the Node claims of output.spec with
// stdout kinds, whose runs make folders of their own; target.spec's folder) with a fresh TMPDIR:
// a clean run leaves it empty, and so does one stopped mid-test by Ctrl-C or by SIGTERM to vitest
// alone (vitest's own folder of transformed files included, which it removes only when it closes).
// SIGKILL is not covered here: what a killed process held is its guard's to remove.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { HAS_PROC, runningWith, until } from '../../harness/procs.ts';
import { runVitest, VITEST } from '../../tools/vitest-run.ts';
import { skipped } from '../../harness/claims.ts';
import { heldTemp } from '../support/temp.ts';

const CONFIG = join(ROOT, 'spec/tooling/fixtures/temp/vitest.temp.config.ts');
// Claims with every stdout kind (socket, pipe, file, tty), and one whose scenario writes a file
// in its own TMPDIR.
const IDS = 'output/stdout-stream,output/exit-after-write-stream';

/** What is left under `dir`, two levels down, for a failure message. */
function left(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    try {
      return [n, ...readdirSync(join(dir, n)).map((m) => `${n}/${m}`)];
    } catch {
      return [n];
    }
  });
}

describe('temporary folders', () => {
  it('a clean run leaves its TMPDIR empty', async () => {
    const tmp = heldTemp('nas-temp-clean-');
    try {
      const r = await runVitest({ paths: ['--config', CONFIG], target: inject('target').path, env: { TMPDIR: tmp.path, SPEC_IDS: IDS } });
      const ran = r.tests.filter((t) => t.verdict !== 'skipped');
      expect(ran.filter((t) => t.verdict !== 'pass').map((t) => t.name), r.tail).toEqual([]);
      // The fixture, target.spec's tests and the selected claims (one per stdout kind) all ran.
      expect(ran.map((t) => t.name)).toContain('holds a folder for the file and one for the test');
      expect(ran.filter((t) => 'scenario' in t && t.scenario === 'output/stdout-stream')).toHaveLength(4);
      expect(ran.length).toBeGreaterThan(10);
      expect(left(tmp.path)).toEqual([]);
    } finally {
      tmp.remove();
    }
  }, 240_000);

  if (!HAS_PROC) skipped('a stopped run leaves its TMPDIR empty', 'needs /proc to see when every process of the stopped run is gone');
  else it.each([
    ['Ctrl-C (SIGINT to the whole group)', 'SIGINT', true],
    ['SIGTERM to vitest alone', 'SIGTERM', false],
  ] as const)('a run stopped by %s mid-test leaves its TMPDIR empty', async (_label, signal, wholeGroup) => {
    const tmp = heldTemp('nas-temp-stopped-');
    const marks = heldTemp('nas-temp-marks-');
    const ready = join(marks.path, 'ready');
    const run = execa(process.execPath, [VITEST, 'run', '--config', CONFIG], {
      cwd: ROOT, detached: true, reject: false, stdin: 'ignore',
      env: { TMPDIR: tmp.path, SPEC_IDS: IDS, SPEC_NODE: inject('target').path, TEMP_FIXTURE_READY: ready, NO_COLOR: '1' },
    });
    try {
      // The fixture's test holds both its folders once it has written its mark.
      await until('the fixture\'s test to hold its folders', () => existsSync(ready) || run.exitCode !== null, 120_000);
      expect(existsSync(ready), 'the fixture never got to its test').toBe(true);
      expect(left(tmp.path).filter((n) => /^nas-fixture-(file|test)-[^/]+$/.test(n))).toHaveLength(2);
      process.kill(wholeGroup ? -run.pid! : run.pid!, signal);
      const r = await run;
      expect(r.exitCode === 0, String(r.stderr)).toBe(false);
      // Every process of the run gone (each inherited its TMPDIR), then nothing left in it.
      await until('every process of the stopped run to end', () => runningWith(tmp.path, 'environ').length === 0, 30_000);
      expect(left(tmp.path)).toEqual([]);
    } finally {
      // A test that failed before its signal: the run must not go on.
      if (run.pid && run.exitCode === null) {
        process.kill(-run.pid, 'SIGKILL');
        await run;
      }
      tmp.remove();
      marks.remove();
    }
  }, 240_000);
});

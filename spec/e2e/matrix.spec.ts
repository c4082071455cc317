// `npm run matrix` for real, on Node 14 and 22 (npm run test:e2e: 14 is fetched from the registry
// if it is not cached): a small run writes well-formed, deterministic results; an interrupted run
// leaves nothing behind.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { heldTemp } from '../support/temp.ts';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { HAS_PROC, runningWith, until } from '../../harness/procs.ts';
import { ROOT } from '../../harness/harness.ts';
import type { MatrixData, VersionResult } from '../../tools/matrix-data.ts';

const MATRIX = join(ROOT, 'tools', 'matrix.ts');

/** Runs the matrix command directly under this Node with tsx's loader (no npm/tsx wrapper processes). */
function matrix(args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, ['--import', 'tsx', MATRIX, ...args], { cwd: ROOT, reject: false, env: { NO_COLOR: '1', ...env }, stdin: 'ignore' });
}

describe('npm run matrix: a small real run (Node 14 and 22, one scenario)', () => {
  it('writes per-version JSON, matrix.json and report.md, byte-identical whatever the order of the versions', async () => {
    const held = heldTemp('nas-matrix-');
    const base = held.path;
    try {
      const a = join(base, 'a'), b = join(base, 'b');
      const ra = await matrix(['14', '22', '--only', 'lifecycle/pending-await', '--out', a, '--jobs', '2']);
      expect(ra.stderr).toMatch(/node 14\.21\.3: 1 pass, 0 fail, 0 n\.a\./);
      expect(ra.stderr).toMatch(/node 22\.23\.3: 1 pass, 0 fail, 0 n\.a\./);
      expect(ra.exitCode, ra.stderr).toBe(0);
      expect(ra.stdout).toMatch(/^lifecycle\/pending-await\s+pass\s*$/m);

      for (const [v, file] of [['v14.21.3', 'node-14.21.3.json'], ['v22.23.3', 'node-22.23.3.json']] as const) {
        const r = JSON.parse(readFileSync(join(a, file), 'utf8')) as VersionResult;
        expect(r.node).toBe(v);
        expect(r.platform).toBe(process.platform);
        expect(r.arch).toBe(process.arch);
        expect(Object.keys(r.scenarios)).toEqual(['lifecycle/pending-await']);
        const s = r.scenarios['lifecycle/pending-await']!;
        expect(s.verdict).toBe('pass');
        expect(s.failure).toBeUndefined();
        expect(s.observation).toMatchObject({ id: 'lifecycle/pending-await', node: v, exitCode: 0, signal: null, exitEvent: { fired: true, code: 0 } });
        expect(s.observation).not.toHaveProperty('durationMs');
      }
      const m = JSON.parse(readFileSync(join(a, 'matrix.json'), 'utf8')) as MatrixData;
      expect(m.versions).toEqual(['v14.21.3', 'v22.23.3']);
      expect(m.only).toEqual(['lifecycle/pending-await']);
      expect(Object.keys(m.scenarios)).toEqual(['lifecycle/pending-await']);
      expect(m.scenarios['lifecycle/pending-await']).toMatchObject({ node: '*', changes: [] });
      expect(m.scenarios['lifecycle/pending-await']!.claim).toMatch(/never settles/);
      expect(m.changes).toEqual([]);
      expect(Object.keys(m.results)).toEqual(['v14.21.3', 'v22.23.3']);
      const report = readFileSync(join(a, 'report.md'), 'utf8');
      expect(report).toContain('| `lifecycle/pending-await` | pass |');
      expect(report).toContain('## What changed between versions');
      expect(report).not.toMatch(/## ⚠ Problems|UNEXPLAINED|\| \*\*FAIL\*\*/);

      const rb = await matrix(['22', '14', '--only', 'lifecycle/pending-await', '--out', b, '--jobs', '1']);
      expect(rb.exitCode, rb.stderr).toBe(0);
      const files = (d: string) => readdirSync(d).filter((f) => f.endsWith('.json') || f.endsWith('.md')).sort();
      expect(files(b)).toEqual(files(a));
      for (const f of files(a)) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
    } finally {
      held.remove();
    }
  }, 240_000);
});

describe.skipIf(!HAS_PROC)('npm run matrix: interrupted (needs /proc: Linux only)', () => {
  it.each([['SIGTERM', 143], ['SIGINT', 130]] as const)('%s stops every vitest run it started and exits %i', async (sig, code) => {
    // A private TMPDIR marks every process of this run: vitest and the scenarios inherit it.
    const tmp = mkdtempSync(join(tmpdir(), 'nas-matrix-int-'));
    const out = join(tmp, 'results');
    mkdirSync(out);
    const run = matrix(['14', '22', '--out', out, '--jobs', '2'], { TMPDIR: tmp });
    try {
      let err = '';
      run.stderr!.on('data', (d: Buffer) => (err += String(d)));
      // Both vitest runs (marked by the private TMPDIR, and by vitest.mjs on their command line).
      const vitests = () => runningWith(tmp, 'environ').filter((p) => {
        try {
          return readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('vitest.mjs');
        } catch {
          return false;
        }
      });
      await until('both vitest runs to start', () => /version\(s\)/.test(err) && vitests().length >= 2, 60_000);
      run.kill(sig);
      const r = await run;
      expect(r.exitCode).toBe(code);
      expect(r.stderr).toMatch(new RegExp(`matrix: ${sig}: stopping`));
      expect(r.stderr).not.toMatch(/^\s+at /m);
      // As in the other interruption specs, the run's processes get a bounded moment to end after
      // the command itself has exited (one was still there at the check once, on a loaded machine).
      await until('every process of the interrupted run to end', () => runningWith(tmp, 'environ').length === 0, 15_000).catch(() => {});
      expect(runningWith(tmp, 'environ')).toEqual([]);
      expect(existsSync(join(out, 'matrix.json'))).toBe(false);
    } finally {
      run.kill('SIGKILL');
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});


// `npm run matrix -- --boundaries` for real (npm run test:e2e): the releases on either side of a
// boundary the spec states are fetched from the registry and the claim judged on both.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import type { BoundaryVerdict } from '../../tools/boundaries.ts';

const MATRIX = join(ROOT, 'tools', 'matrix.ts');
// Each run gets a time limit under its test's own, so a test that times out never leaves it running.
const matrix = (args: string[], timeout = 880_000) => execa(process.execPath, ['--import', 'tsx', MATRIX, ...args], { cwd: ROOT, reject: false, stdin: 'ignore', env: { NO_COLOR: '1' }, timeout });

describe('npm run matrix -- --boundaries (real runs)', () => {
  it('rejections/unhandled-default in 15.x: its claim holds on 14.21.3 and on 15.0.0, which behave differently', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nas-bounds-out-'));
    try {
      const r = await matrix(['--boundaries', '--only', 'rejections/unhandled-default', '--major', '15', '--out', out, '--jobs', '2']);
      const judged = JSON.parse(readFileSync(join(out, 'boundaries.json'), 'utf8')) as BoundaryVerdict[];
      expect(judged.map((b) => [b.scenario, b.at, b.before, b.after])).toEqual([['rejections/unhandled-default', '15.0.0', '14.21.3', '15.0.0']]);
      expect(judged[0]!.from).toContain('changes: 15.0.0');
      expect(judged[0]!.differs).toContain('exit code');
      expect(judged[0]).toMatchObject({ beforeVerdict: 'pass', afterVerdict: 'pass' });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(readFileSync(join(out, 'boundaries.md'), 'utf8')).toMatch(/Every boundary holds/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 900_000);
});

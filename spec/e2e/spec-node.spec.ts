// SPEC_NODE naming a release the npm registry lacks stops the run before any spec, with one line
// and exit code 2 (npm run test:e2e: it asks the real registry).
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';

const vitest = join(ROOT, 'node_modules', '.bin', 'vitest');

describe('SPEC_NODE bad input', () => {
  it('SPEC_NODE=27.99.0: one line naming the package the registry lacks', async () => {
    const r = await execa(vitest, ['run', 'spec/tooling/harness.spec.ts'], { cwd: ROOT, env: { SPEC_NODE: '27.99.0' }, reject: false, timeout: 120_000 });
    expect(r.exitCode).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('SPEC_NODE=27.99.0: node 27.99.0: the npm registry has no node-');
  }, 150_000);
});

// SPEC_NODE names the target Node. A value that cannot be used stops the run before any spec,
// with one line that names the problem and exit code 2: never a stack trace, never a hang. (A
// release the registry lacks: spec/e2e/spec-node.spec.ts.)
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../harness/harness.ts';
import { npmPackageName, resolveTarget } from '../../harness/node-binaries.ts';
import { specNodeError } from '../../harness/spec-node.ts';

const vitest = join(ROOT, 'node_modules', '.bin', 'vitest');

describe('SPEC_NODE bad input', () => {
  // In this process: what global setup resolves SPEC_NODE with, and the line it prints
  // (harness/spec-node.ts). None of these values needs the registry or runs a binary.
  it.each([
    ['/etc/passwd', 'SPEC_NODE=/etc/passwd: target Node /etc/passwd is not executable'],
    ['/no/such/node', 'SPEC_NODE=/no/such/node: target Node /no/such/node does not exist'],
    ['banana', 'SPEC_NODE=banana: unknown Node target "banana"'],
    ['99', 'SPEC_NODE=99: Node 99: no pinned release for major 99'],
  ])('SPEC_NODE=%s', async (value, message) => {
    const line = await resolveTarget(value).then(() => 'resolved', (e: unknown) => specNodeError(value, e) ?? `not a SpecError: ${String(e)}`);
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(message);
  });

  // A whole vitest run, through harness/global-setup.ts: one line on stderr, exit 2.
  it('a registry that cannot be reached: one line naming the version, not a hang', async () => {
    const r = await execa(vitest, ['run', 'spec/tooling/harness.spec.ts'], {
      cwd: ROOT, reject: false, timeout: 120_000,
      env: { SPEC_NODE: '19.0.1', npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0', NODE_ASYNC_SPEC_CACHE: join(tmpdir(), `nas-empty-cache-${process.pid}`) },
    });
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([`SPEC_NODE=19.0.1: node 19.0.1: the npm registry cannot be reached to fetch ${npmPackageName()}@19.0.1`]);
  }, 150_000);
});

// Whole nested runs of Node claim files (a vitest run inside this one), checking what reaches the
// records and the verdicts from outside: which claims SPEC_IDS and SPEC_ONLY select, a scenario run
// once per stdout kind, and verdicts that do not depend on the caller's environment. They moved
// here from spec/tooling (npm test): each nested run costs a vitest start-up and its claims.
import { tmpdir } from 'node:os';
import { describe, expect, inject, it } from 'vitest';
import { claimKey, testKey } from '../../harness/records.ts';
import { runVitest } from '../../tools/vitest-run.ts';

describe('selecting claims for one run', () => {
  // spawn-missing is a prefix of spawn-missing-shell and spawn-missing-no-listener: --only takes it
  // as a prefix (all three), --boundaries passes exact ids (SPEC_IDS: that one only).
  const ran = async (env: Record<string, string>) => {
    const r = await runVitest({ paths: ['spec/node/child-process.spec.ts'], target: inject('target').path, env });
    return r.tests.filter((t) => t.verdict !== 'skipped').map((t) => t.scenario).sort();
  };
  it('SPEC_IDS runs exactly the ids named; SPEC_ONLY every id starting with a prefix', async () => {
    expect(await ran({ SPEC_IDS: 'child-process/spawn-missing' })).toEqual(['child-process/spawn-missing']);
    expect(await ran({ SPEC_ONLY: 'child-process/spawn-missing' })).toEqual(['child-process/spawn-missing', 'child-process/spawn-missing-no-listener', 'child-process/spawn-missing-shell']);
  }, 120_000);
});

describe('a scenario that states stdout kinds', () => {
  it('is one claim per kind: each record names its kind, its observation was made on it, and the default keeps its bare id', async () => {
    const r = await runVitest({ paths: ['spec/node/output.spec.ts'], target: inject('target').path, env: { SPEC_IDS: 'output/stdout-stream,output/exit-after-short-output' } });
    const ran = r.tests.filter((t) => t.verdict !== 'skipped');
    expect(ran.map((t) => (t.scenario === undefined ? t.name : claimKey(t as { scenario: string; stdio?: 'socket' }))).sort()).toEqual([
      'output/exit-after-short-output',
      ...['file', 'pipe', 'socket', 'tty'].map((k) => `output/stdout-stream [stdio ${k}]`),
    ]);
    for (const t of ran) {
      if (t.scenario === undefined) continue;
      expect(t.verdict, claimKey(t as { scenario: string })).toBe('pass');
      // An observation names its kind unless it is the default, a socket pair.
      const kind = 'stdio' in t ? t.stdio : undefined;
      expect(t.observation?.stdio, claimKey(t as { scenario: string })).toBe(kind === 'socket' ? undefined : kind);
    }
    expect(ran.find((t) => t.scenario === 'output/exit-after-short-output')).not.toHaveProperty('stdio');
  }, 180_000);
});

// The verdicts do not depend on the caller's environment: the same Node claims give the same
// verdicts when the caller sets NODE_OPTIONS, FORCE_COLOR, NODE_DEBUG and NODE_NO_WARNINGS and
// runs from another working directory. (Scenarios get a clean environment; this checks that
// nothing in between lets the caller's settings through.)
const verdicts = async (o: Parameters<typeof runVitest>[0]) => Object.fromEntries((await runVitest(o)).tests.map((t) => [testKey(t), t.verdict]));

// The claims most sensitive to such settings: warnings (NODE_NO_WARNINGS, --no-warnings),
// colours in error output (FORCE_COLOR), rejection modes, debug output on stderr (NODE_DEBUG).
const specs = ['spec/node/errors.spec.ts', 'spec/node/domain.spec.ts'];

describe('a hostile calling environment', () => {
  // The expectation is the claims themselves: every one passes (or is n.a. on this target) as it
  // does in npm test's clean run. Comparing with a second, clean run of the same files here would
  // only repeat what npm test checks, at the cost of a vitest run.
  it('leaves every claim of the most sensitive files passing', async () => {
    const target = inject('target').path;
    const hostile = await verdicts({
      paths: specs,
      target,
      cwd: tmpdir(),
      env: {
        NODE_OPTIONS: '--no-warnings --unhandled-rejections=warn --stack-trace-limit=1',
        FORCE_COLOR: '3',
        NODE_DEBUG: 'timer,net,module',
        NODE_NO_WARNINGS: '1',
      },
    });
    const names = Object.keys(hostile);
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((n) => n.startsWith('errors/')).length).toBeGreaterThan(10);
    expect(names.filter((n) => n.startsWith('domain/')).length).toBeGreaterThan(10);
    expect(Object.entries(hostile).filter(([, v]) => v !== 'pass' && v !== 'n.a.')).toEqual([]);
  }, 300_000);
});

// The verdicts do not depend on the caller's environment: the same Node claims give the same
// verdicts when the caller sets NODE_OPTIONS, FORCE_COLOR, NODE_DEBUG and NODE_NO_WARNINGS and
// runs from another working directory. (Scenarios get a clean environment; this checks that
// nothing in between lets the caller's settings through.)
import { tmpdir } from 'node:os';
import { describe, expect, inject, it } from 'vitest';
import { testKey } from '../../harness/records.ts';
import { runVitest } from '../../tools/vitest-run.ts';

const verdicts = async (o: Parameters<typeof runVitest>[0]) => Object.fromEntries((await runVitest(o)).tests.map((t) => [testKey(t), t.verdict]));

// The claims most sensitive to such settings: warnings (NODE_NO_WARNINGS, --no-warnings),
// colours in error output (FORCE_COLOR), rejection modes, debug output on stderr (NODE_DEBUG).
const specs = ['spec/node/errors.spec.ts', 'spec/node/domain.spec.ts'];

describe('a hostile calling environment', () => {
  it('gives the same verdicts as a clean one', async () => {
    const target = inject('target').path;
    const clean = await verdicts({ paths: specs, target });
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
    const names = Object.keys(clean);
    expect(names.length).toBeGreaterThan(20);
    expect(Object.values(clean).every((v) => v === 'pass' || v === 'n.a.')).toBe(true);
    expect(hostile).toEqual(clean);
  }, 300_000);
});

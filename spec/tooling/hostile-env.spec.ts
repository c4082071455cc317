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
  // The expectation is the claims themselves: every one passes (or is n.a. on this target) as it
  // does in the clean run this file is part of. Comparing with a second, clean run of the same
  // files would only repeat what npm test has just checked, at the cost of a vitest run.
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

// The verdicts do not depend on the caller's environment: the same Node claims give the same
// verdicts when the caller sets NODE_OPTIONS, FORCE_COLOR, NODE_DEBUG and NODE_NO_WARNINGS and
// runs from another working directory. (Scenarios get a clean environment; this checks that
// nothing in between lets the caller's settings through.)
import { tmpdir } from 'node:os';
import { describe, expect, inject, it } from 'vitest';
import { vitestVerdicts } from '../../tools/vitest-json.ts';

// The claims most sensitive to such settings: warnings (NODE_NO_WARNINGS, --no-warnings),
// colours in error output (FORCE_COLOR), rejection modes, debug output on stderr (NODE_DEBUG).
const specs = ['spec/node/errors.spec.ts', 'spec/node/domain.spec.ts'];

describe('a hostile calling environment', () => {
  it('gives the same verdicts as a clean one', async () => {
    const target = inject('target').path;
    const clean = await vitestVerdicts(specs, { env: { SPEC_NODE: target } });
    const hostile = await vitestVerdicts(specs, {
      cwd: tmpdir(),
      env: {
        SPEC_NODE: target,
        NODE_OPTIONS: '--no-warnings --unhandled-rejections=warn --stack-trace-limit=1',
        FORCE_COLOR: '3',
        NODE_DEBUG: 'timer,net,module',
        NODE_NO_WARNINGS: '1',
      },
    });
    const names = Object.keys(clean.verdicts);
    expect(names.length).toBeGreaterThan(20);
    expect(Object.values(clean.verdicts).every((v) => v === 'passed' || v === 'skipped')).toBe(true);
    expect(hostile.verdicts).toEqual(clean.verdicts);
  }, 300_000);
});

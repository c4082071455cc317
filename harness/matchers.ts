// Matchers for the checks a claim's outcome object does not cover (its `also`), and for the
// tooling specs. Loaded by vitest.config.ts.
import { expect } from 'vitest';
import { stderrHighlights, type Observation } from './observation.ts';
import { showObservation } from './outcome.ts';

expect.extend({
  /** Some line of stderr (not a stack frame) matches. */
  toPrintError(r: Observation, pattern: string | RegExp) {
    const pass = stderrHighlights(r.stderr).some((l) => (typeof pattern === 'string' ? l.includes(pattern) : pattern.test(l)));
    return { pass, message: () => `expected ${r.id} ${this.isNot ? 'not ' : ''}to print an error line matching ${String(pattern)}\n${showObservation(r)}` };
  },
});

interface ClaimMatchers<R = unknown> {
  toPrintError(pattern: string | RegExp): R;
}

declare module 'vitest' {
  interface Matchers<T = any> extends ClaimMatchers<T> {}
}

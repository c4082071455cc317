import { claim, describe, expect } from '../../harness/claims.ts';

describe('timers: setImmediate and setTimeout(0)', () => {
  claim('timers/immediate-vs-timeout', (r) => {
    expect(r).toPrint([
      'round 1: immediate', 'round 1: timeout',
      'round 2: immediate', 'round 2: timeout',
      'round 3: immediate', 'round 3: timeout',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveExitEvent(0, []);
    expect(r).toHaveQuietStderr();
  });
});

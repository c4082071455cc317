import { claim, describe, expect } from '../../harness/claims.ts';

describe('the event loop does not wait for a pending Promise', () => {
  claim('lifecycle/pending-await', (r) => {
    expect(r).toPrint(['in promise', 'end of code', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});

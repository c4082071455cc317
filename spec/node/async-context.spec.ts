import { byNode, claim, describe, expect } from '../../harness/claims.ts';

describe('AsyncLocalStorage: context follows async work, errors do not', () => {
  claim('async-context/propagation', (r) => {
    expect(r).toPrint([
      'inside run: req-1',
      'outside run: undefined',
      'then: req-1',
      'after await: req-1',
      'setTimeout: req-1',
      'listener: req-1',
      'listener: undefined',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('async-context/timer-throw', (r) => {
    expect(r).toPrint(['exit 1']);
    expect(r).toHaveExitEvent(1);
    expect(r).toExitWith(1);
    expect(r).toPrintError(/^Error: thrown in a timer of req-1$/);
  });

  claim('async-context/uncaught-store', (r) => {
    expect(r).toPrint(['uncaughtException (timer), store: req-1', 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('async-context/unhandled-rejection-store', (r) => {
    const store = byNode({ '<15.9': 'undefined', '>=15.9': 'req-1' });
    expect(r).toPrint([`unhandledRejection (rejection), store: ${store}`, 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('async-context/rejection-uncaught-store', (r) => {
    const store = byNode({ '<16.14 || >=17.0.0-0 <17.4': 'undefined', '>=16.14 <17.0.0-0 || >=17.4': 'req-1' });
    expect(r).toPrint([`uncaughtException (rejection), store: ${store}`, 'exit 0']);
    expect(r).toExitWith(0);
    expect(r).toPrintError('UnhandledPromiseRejectionWarning: Error: rejection');
  });
});

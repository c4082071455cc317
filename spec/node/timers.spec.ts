import { claim, describe } from '../../harness/claims.ts';

describe('timers: setImmediate and setTimeout(0)', () => {
  claim('timers/immediate-vs-timeout', {
    exit: 0,
    stdout: [
      'round 1: immediate', 'round 1: timeout',
      'round 2: immediate', 'round 2: timeout',
      'round 3: immediate', 'round 3: timeout',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });
});

import { byNode, claim, describe, line, type Outcome } from '../../harness/claims.ts';

describe('AsyncLocalStorage: context follows async work, errors do not', () => {
  claim('async-context/propagation', {
    exit: 0,
    stdout: [
      // 13.10.0 to 13.13.0: run() called its callback in a later tick (nodejs/node#31950).
      ...byNode({ '>=13.10.0 <13.14.0': ['outside run: undefined', 'inside run: req-1'], '<13.10.0 || >=13.14.0': ['inside run: req-1', 'outside run: undefined'] }),
      'then: req-1',
      'after await: req-1',
      'setTimeout: req-1',
      'listener: req-1',
      'listener: undefined',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });

  claim('async-context/timer-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['exit 1'],
      stderr: [line('Error: thrown in a timer of req-1')],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    bun: { exit: 1, stdout: ['exit 1'], stderr: [line('error: thrown in a timer of req-1')], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught Error: thrown in a timer of req-1')], exitEvent: 'not fired' },
  }));

  claim('async-context/uncaught-store', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['uncaughtException (timer), store: req-1', 'exit 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Deno's uncaughtException listener runs without the store of the timer that threw.
    deno: { exit: 0, stdout: ['uncaughtException (timer), store: undefined', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
  }));

  claim('async-context/unhandled-rejection-store', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: [`unhandledRejection (rejection), store: ${byNode({ '<15.9': 'undefined', '>=15.9': 'req-1' })}`, 'exit 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Bun's unhandledRejection listener runs without the store (https://github.com/oven-sh/bun/issues/40223).
    bun: { exit: 0, stdout: ['unhandledRejection (rejection), store: undefined', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
  }));

  claim('async-context/rejection-uncaught-store', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: [
        `uncaughtException (rejection), store: ${byNode({ '<16.14 || >=17.0.0-0 <17.4': 'undefined', '>=16.14 <17.0.0-0 || >=17.4': 'req-1' })}`,
        'exit 0',
      ],
      stderr: ['UnhandledPromiseRejectionWarning: Error: rejection'],
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    bun: { exit: 0, stdout: ['uncaughtException (rejection), store: undefined', 'exit 0'], stderr: ['UnhandledPromiseRejectionWarning: Error: rejection'], exitEvent: { code: 0, printed: ['exit 0'] } },
  }));
});

describe('AsyncLocalStorage.bind and AsyncLocalStorage.snapshot', () => {
  claim('async-context/als-bind', {
    exit: 0,
    stdout: ['bound: store is {"request":1}', 'not bound: store is undefined', 'bound: store is {"request":1}', 'not bound: store is {"request":2}', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('async-context/als-snapshot', {
    exit: 0,
    stdout: ['outside: undefined', 'runner: {"request":1}', 'inside run 2, runner: {"request":1}, after it: {"request":2}', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });
});

import { byNode, claim, describe, line, not, type Outcome } from '../../harness/claims.ts';

const exit = (code: number, line = `exit ${code}`) => ({ code, printed: [line] });

describe('timers/promises with an AbortSignal', () => {
  // Before 15.4.0: AbortController was experimental (a warning), and the rejection a DOMException (code 20).
  claim('abort/timer-abort-before', {
    exit: 0,
    stdout: [`rejected: AbortError ${byNode({ '<15.4': '20', '>=15.4': 'ABORT_ERR' })}, waited less than the delay: true`, 'exit 0'],
    stderr: byNode<'' | string[]>({ '<15.4': ['ExperimentalWarning: AbortController is an experimental feature'], '>=15.4': '' }),
    exitEvent: exit(0),
  });

  claim('abort/timer-abort-during', {
    exit: 0,
    stdout: ['aborted', 'rejected: AbortError', 'exit 0 after less than the delay: true'],
    stderr: byNode<'' | string[]>({ '<15.4': ['ExperimentalWarning: AbortController is an experimental feature'], '>=15.4': '' }),
    exitEvent: exit(0, 'exit 0 after less than the delay: true'),
  });

  claim('abort/abort-error-uncaught', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['exit 1'],
      stderr: byNode({
        // Before 15.4.0: AbortController still experimental, and timers/promises rejected with a DOMException (nodejs/node#36317).
        '<15.4': ['ExperimentalWarning: AbortController is an experimental feature', line('DOMException [AbortError]: The operation was aborted')],
        '>=15.4 <16.17 || >=17 <17.3': [line('AbortError: The operation was aborted'), "code: 'ABORT_ERR'", not('[cause]')],
        '>=16.17 <17 || >=17.3': [line('AbortError: The operation was aborted'), "code: 'ABORT_ERR'", '[cause]: DOMException [AbortError]: This operation was aborted'],
      }),
      exitEvent: exit(1),
    },
    bun: { exit: 1, stdout: ['exit 0'], stderr: [line('AbortError: The operation was aborted'), 'code: "ABORT_ERR"'], exitEvent: exit(0) },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught (in promise) AbortError: The operation was aborted')], exitEvent: 'not fired' },
  }));

  claim('abort/interval-abort', {
    exit: 0,
    stdout: ['tick 1', 'tick 2', 'tick 3', 'caught: AbortError', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('abort/ref-false', {
    exit: 0,
    stdout: ['exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('abort/abort-reason', {
    exit: 0,
    stdout: ['rejected: AbortError', 'err.cause: shutting down', 'signal.reason: shutting down', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });
});

describe('AbortSignal.timeout and AbortSignal.any', () => {
  claim('abort/signal-timeout', {
    exit: 0,
    stdout: ['rejected: AbortError', 'err.cause: TimeoutError', 'signal.reason: TimeoutError', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('abort/signal-timeout-unref', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['exit 0, signal aborted: false'],
      stderr: '',
      exitEvent: exit(0, 'exit 0, signal aborted: false'),
    },
    // Deno's AbortSignal.timeout() keeps the process alive until it fires (https://github.com/denoland/deno/pull/13687 left it ref'd).
    deno: { exit: 0, stdout: ['after the await', 'exit 0, signal aborted: true'], stderr: '', exitEvent: { code: 0, printed: ['exit 0, signal aborted: true'] } },
  }));

  claim('abort/signal-any', {
    exit: 0,
    stdout: ['rejected: AbortError, reason: user cancelled', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });
});

describe('AbortSignal is an EventTarget', () => {
  claim('abort/abort-listener-throws', byNode({
    '<15.4': {
      exit: 0,
      stdout: ['caught around abort(): cleanup failed', 'end of script', 'exit 0'],
      stderr: ['ExperimentalWarning: AbortController is an experimental feature'],
      exitEvent: exit(0),
    },
    '>=15.4 <16': {
      exit: 0,
      stdout: ['caught around abort(): cleanup failed', 'end of script', 'exit 0'],
      stderr: '',
      exitEvent: exit(0),
    },
    '>=16': {
      exit: 1,
      stdout: ['abort() returned', 'end of script', 'exit 1'],
      stderr: [line('Error: cleanup failed')],
      exitEvent: exit(1),
    },
    // Deno throws out of abort() itself: the lines after it never run.
    bun: { exit: 1, stdout: ['abort() returned', 'end of script', 'exit 1'], stderr: [line('error: cleanup failed')], exitEvent: exit(1) },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught Error: cleanup failed')], exitEvent: 'not fired' },
  }));

  claim('abort/throw-if-aborted', {
    exit: 0,
    stdout: ['threw: the string "shutting down"', 'threw: AbortError', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });
});

// ---- issue 18, family E: a warning that came and went between releases ---------------------------
describe("AbortSignal: the leak warning for many 'abort' listeners", () => {
  const warned = (limit: string): Outcome => ({
    exit: 0,
    stdout: ['added 12', 'warning listener: MaxListenersExceededWarning', 'listeners called: 12', 'exit 0'],
    stderr: [line(`(node:<pid>) MaxListenersExceededWarning: Possible EventTarget memory leak detected. 11 abort listeners added to [AbortSignal]. ${limit}Use events.setMaxListeners() to increase limit`)],
    exitEvent: exit(0),
  });
  // No warning at all where an AbortSignal has no limit (nodejs/node#55816), Bun and Deno included.
  const silent: Outcome = { exit: 0, stdout: ['added 12', 'listeners called: 12', 'exit 0'], stderr: '', exitEvent: exit(0) };
  claim('abort/signal-max-listeners', byNode<Outcome>({
    '<20.15.0 || >=21 <22.2.0': warned(''),
    '>=20.15.0 <21 || >=22.2.0 <22.13.0 || >=23 <23.5.0': warned('MaxListeners is 10. '),
    '>=22.13.0 <23 || >=23.5.0': silent,
  }));
});

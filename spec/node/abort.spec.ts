import { byNode, claim, describe, not } from '../../harness/claims.ts';

const exit = (code: number, line = `exit ${code}`) => ({ code, printed: [line] });

describe('timers/promises with an AbortSignal', () => {
  claim('abort/timer-abort-before', {
    exit: 0,
    stdout: ['rejected: AbortError ABORT_ERR, waited less than the delay: true', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('abort/timer-abort-during', {
    exit: 0,
    stdout: ['aborted', 'rejected: AbortError', 'exit 0 after less than the delay: true'],
    stderr: '',
    exitEvent: exit(0, 'exit 0 after less than the delay: true'),
  });

  claim('abort/abort-error-uncaught', {
    exit: 1,
    stdout: ['exit 1'],
    stderr: byNode({
      '<16.17 || >=17 <17.3': [/^AbortError: The operation was aborted$/, "code: 'ABORT_ERR'", not('[cause]')],
      '>=16.17 <17 || >=17.3': [/^AbortError: The operation was aborted$/, "code: 'ABORT_ERR'", '[cause]: DOMException [AbortError]: This operation was aborted'],
    }),
    exitEvent: exit(1),
  });

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

  claim('abort/signal-timeout-unref', {
    exit: 0,
    stdout: ['exit 0, signal aborted: false'],
    stderr: '',
    exitEvent: exit(0, 'exit 0, signal aborted: false'),
  });

  claim('abort/signal-any', {
    exit: 0,
    stdout: ['rejected: AbortError, reason: user cancelled', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });
});

describe('AbortSignal is an EventTarget', () => {
  claim('abort/abort-listener-throws', byNode({
    '<16': {
      exit: 0,
      stdout: ['caught around abort(): cleanup failed', 'end of script', 'exit 0'],
      stderr: '',
      exitEvent: exit(0),
    },
    '>=16': {
      exit: 1,
      stdout: ['abort() returned', 'end of script', 'exit 1'],
      stderr: [/^Error: cleanup failed$/],
      exitEvent: exit(1),
    },
  }));

  claim('abort/throw-if-aborted', {
    exit: 0,
    stdout: ['threw: the string "shutting down"', 'threw: AbortError', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });
});

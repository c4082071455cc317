import { byNode, claim, describe, line, not, type Outcome } from '../../harness/claims.ts';

const exit = (code: number) => ({ code, printed: [`exit ${code}`] });

describe('async listeners: a rejected Promise is not an error event', () => {
  claim('emitters/async-listener-rejects', byNode({
    '<15': {
      exit: 0,
      stdout: ['after emit', 'exit 0'],
      stderr: ['UnhandledPromiseRejectionWarning: Error: job failed', not('error listener')],
      exitEvent: exit(0),
    },
    '>=15': {
      exit: 1,
      stdout: ['after emit', 'exit 1'],
      stderr: [line('Error: job failed'), not('UnhandledPromiseRejectionWarning')],
      exitEvent: exit(1),
    },
    bun: { exit: 1, stdout: ['after emit', 'exit 0'], stderr: [line('error: job failed')], exitEvent: exit(0) },
    deno: { exit: 1, stdout: ['after emit'], stderr: [line('error: Uncaught (in promise) Error: job failed')], exitEvent: 'not fired' },
  }));

  claim('emitters/capture-rejections', {
    exit: 0,
    stdout: ['after emit', 'error listener: job failed', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('emitters/capture-rejections-no-error-listener', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['after emit', 'exit 1'],
      stderr: [line('Error: job failed'), "Emitted 'error' event at:", not('UnhandledPromiseRejectionWarning')],
      exitEvent: exit(1),
    },
    bun: { exit: 1, stdout: ['after emit', 'exit 1'], stderr: [line('error: job failed')], exitEvent: exit(1) },
    deno: { exit: 1, stdout: ['after emit'], stderr: [line('error: Uncaught Error: job failed')], exitEvent: 'not fired' },
  }));

  claim('emitters/capture-rejections-global', {
    exit: 0,
    stdout: ['after error listener: after job failed', 'unhandledRejection: before job failed', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('emitters/rejection-symbol', {
    exit: 0,
    stdout: ['rejection method: job failed (event job, arg 42)', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('emitters/async-error-listener-rejects', byNode({
    '<15': {
      exit: 0,
      stdout: ['error listener: job failed', 'exit 0'],
      stderr: ['UnhandledPromiseRejectionWarning: Error: error listener failed'],
      exitEvent: exit(0),
    },
    '>=15': {
      exit: 1,
      stdout: ['error listener: job failed', 'exit 1'],
      stderr: [line('Error: error listener failed'), not('UnhandledPromiseRejectionWarning')],
      exitEvent: exit(1),
    },
    // Bun exits 1 but tells the 'exit' listeners 0 (https://github.com/oven-sh/bun/pull/38116); Deno skips 'exit'.
    bun: { exit: 1, stdout: ['error listener: job failed', 'exit 0'], stderr: [line('error: error listener failed')], exitEvent: exit(0) },
    deno: { exit: 1, stdout: ['error listener: job failed'], stderr: [line('error: Uncaught (in promise) Error: error listener failed')], exitEvent: 'not fired' },
  }));
});

describe('events.once and events.on reject on error', () => {
  claim('emitters/once-rejects-on-error', {
    exit: 0,
    stdout: ['caught: lost connection', 'listeners left: done=0 error=0', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('emitters/once-error-resolves', {
    exit: 0,
    stdout: ['after emit', 'resolved with: lost connection (1 argument)', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('emitters/on-rejects-on-error', {
    exit: 0,
    stdout: ['got a', 'got b', 'caught: stream broke', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('emitters/on-never-ends', {
    exit: 0,
    stdout: ['got a', 'got b', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });
});

describe("'error' from inside a listener, and errorMonitor next to a listener", () => {
  claim('emitters/error-monitor-with-listener', {
    exit: 0,
    stdout: ['monitor: bad thing', 'error listener: bad thing', 'after emit', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('emitters/error-inside-listener', {
    exit: 0,
    stdout: ['first listener: good', 'second listener: good', 'first listener: bad', 'caught around emit: bad chunk', 'exit 0'],
    stderr: '',
    exitEvent: exit(0),
  });

  claim('emitters/error-inside-listener-async', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['first listener: bad', 'exit 1'],
      stderr: [line('Error: bad chunk'), "Emitted 'error' event at:"],
      exitEvent: exit(1),
    },
    bun: { exit: 1, stdout: ['first listener: bad', 'exit 1'], stderr: [line('error: bad chunk')], exitEvent: exit(1) },
    deno: { exit: 1, stdout: ['first listener: bad'], stderr: [line('error: Uncaught Error: bad chunk')], exitEvent: 'not fired' },
  }));
});

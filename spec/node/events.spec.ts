import { byNode, claim, describe, line, type Outcome } from '../../harness/claims.ts';

describe("EventEmitter 'error'", () => {
  claim('events/error-no-listener', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['exit 1'],
      stderr: ["Error [ERR_UNHANDLED_ERROR]: Unhandled error. ('oops')"],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    // Bun prints the error in its own words; Deno reports it as an uncaught rejection and skips 'exit'.
    bun: { exit: 1, stdout: ['exit 1'], stderr: ["error: Unhandled error. ('oops')", 'code: "ERR_UNHANDLED_ERROR"'], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: [], stderr: ["error: Uncaught (in promise) Error: Unhandled error. ('oops')"], exitEvent: 'not fired' },
  }));

  claim('events/error-listener', {
    exit: 0,
    stdout: ['listener got: bad thing', 'after emit', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('events/error-monitor', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['monitor saw: bad thing', 'exit 1'],
      stderr: [line('Error: bad thing'), "Emitted 'error' event at:"],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    bun: { exit: 1, stdout: ['monitor saw: bad thing', 'exit 1'], stderr: [line('error: bad thing')], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: ['monitor saw: bad thing'], stderr: [line('error: Uncaught (in promise) Error: bad thing')], exitEvent: 'not fired' },
  }));
});

describe('stream errors: pipeline versus pipe', () => {
  claim('events/pipeline-error', {
    exit: 0,
    stdout: ['pipeline callback: transform failed on a', 'destroyed: source=true middle=true sink=true', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('events/pipe-no-forward', byNode<Outcome>({
    '*': {
      exit: 1,
      // Before 12.9.0: no writable.writableEnded (undefined), and the report does not name the emitter's class.
      stdout: [byNode({ '<12.9.0': 'exit 1, sink destroyed: false, sink ended: undefined', '>=12.9.0': 'exit 1, sink destroyed: false, sink ended: false' })],
      stderr: [line('Error: source failed'), byNode({ '<12.9.0': "Emitted 'error' event at:", '>=12.9.0': "Emitted 'error' event on Readable instance at:" })],
      exitEvent: { code: 1, printed: [byNode({ '<12.9.0': 'exit 1, sink destroyed: false, sink ended: undefined', '>=12.9.0': 'exit 1, sink destroyed: false, sink ended: false' })] },
    },
    bun: { exit: 1, stdout: ['exit 1, sink destroyed: false, sink ended: false'], stderr: [line('error: source failed')], exitEvent: { code: 1, printed: ['exit 1, sink destroyed: false, sink ended: false'] } },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught Error: source failed')], exitEvent: 'not fired' },
  }));

  claim('events/pipeline-promises', {
    exit: 0,
    stdout: ['caught: transform failed on a', 'destroyed: source=true middle=true sink=true', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });
});

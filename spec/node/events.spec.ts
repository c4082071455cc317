import { claim, describe } from '../../harness/claims.ts';

describe("EventEmitter 'error'", () => {
  claim('events/error-no-listener', {
    exit: 1,
    stdout: ['exit 1'],
    stderr: ["Error [ERR_UNHANDLED_ERROR]: Unhandled error. ('oops')"],
    exitEvent: { code: 1, printed: ['exit 1'] },
  });

  claim('events/error-listener', {
    exit: 0,
    stdout: ['listener got: bad thing', 'after emit', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('events/error-monitor', {
    exit: 1,
    stdout: ['monitor saw: bad thing', 'exit 1'],
    stderr: [/^Error: bad thing$/, "Emitted 'error' event at:"],
    exitEvent: { code: 1, printed: ['exit 1'] },
  });
});

describe('stream errors: pipeline versus pipe', () => {
  claim('events/pipeline-error', {
    exit: 0,
    stdout: ['pipeline callback: transform failed on a', 'destroyed: source=true middle=true sink=true', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('events/pipe-no-forward', {
    exit: 1,
    stdout: ['exit 1, sink destroyed: false, sink ended: false'],
    stderr: [/^Error: source failed$/, "Emitted 'error' event on Readable instance at:"],
    exitEvent: { code: 1, printed: ['exit 1, sink destroyed: false, sink ended: false'] },
  });

  claim('events/pipeline-promises', {
    exit: 0,
    stdout: ['caught: transform failed on a', 'destroyed: source=true middle=true sink=true', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });
});

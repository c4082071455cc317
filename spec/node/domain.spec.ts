import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS } from '../../harness/harness.ts';
import { byNode, claim, describe, expect, type Outcome } from '../../harness/claims.ts';

const SAY = ["Hello! I'm module!", '에러 발생 : Error: 오류 핸들링 테스트'];

/** The line of scenarios/domain/error-handler-not-a-worker.js that calls cluster.worker.disconnect(). */
const DISCONNECT_LINE = readFileSync(join(SCENARIOS, 'domain', 'error-handler-not-a-worker.js'), 'utf8').split('\n').findIndex((l) => l.trim() === 'cluster.worker.disconnect();') + 1;

/** A script that ends normally (code 0) without a word on stderr or an exit listener of its own. */
const quiet = (stdout: string[]): Outcome => ({ exit: 0, stdout, stderr: '', exitEvent: { code: 0, printed: [] } });

describe('domain.run() catches what try/catch cannot', () => {
  claim('domain/run-timer-throw', {
    exit: 0,
    stdout: [...SAY, 'exit event: 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit event: 0'] },
  });
});

describe('implicit binding', () => {
  claim('domain/implicit-emitter', quiet([
    'emitter.domain is d: true',
    'domain error: emitter failed',
    'err.domainEmitter is the emitter: true',
    'err.domainThrown: false',
    'after emit',
  ]));

  claim('domain/implicit-stream', quiet(['stream.domain is d: true', 'destroy returned', 'domain error: stream broke', 'err.domainEmitter is the stream: true']));

  claim('domain/implicit-fs-callback', quiet([
    'callback got: ENOENT',
    'callback runs in d: true',
    'domain error: thrown from the readFile callback',
    'err.domainThrown: true',
  ]));
});

describe('explicit binding', () => {
  claim('domain/add-emitter', quiet([
    'before add, emitter.domain: null',
    'after add, emitter.domain is d: true',
    'd.members holds it: true',
    'domain error: added emitter failed',
  ]));

  claim('domain/remove-emitter', {
    exit: 1,
    stdout: ['bound: true', 'after remove, emitter.domain: null', 'exit event: 1'],
    stderr: [/^Error: removed emitter failed$/],
    exitEvent: { code: 1, printed: ['exit event: 1'] },
    // Node's own source line above the error, which stderr highlights leave out (it names Node's
    // internal file and line): the throw of an 'error' event nobody listens to.
    also: (r) => expect(r.stderr).toMatch(/^\s*throw er; \/\/ Unhandled 'error' event$/m),
  });

  claim('domain/bind', quiet([
    'process.domain at top level: null',
    'bound callback got 42, in d: true',
    'domain error: thrown in a bound callback',
    'err.domainThrown: true',
  ]));

  claim('domain/intercept', quiet([
    'domain error: passed as the first argument (domainThrown: false, domainBound is the callback: true)',
    'callback called with 2 arguments: first result, second result',
  ]));
});

describe('where domains stop helping', () => {
  claim('domain/throw-in-error-handler', {
    exit: 7,
    stdout: ['domain error: first error'],
    stderr: [/^Error: thrown inside the error listener$/],
    exitEvent: 'not fired',
  });

  claim('domain/promise-then-throw', byNode<Outcome>({
    '<15': {
      exit: 0,
      stdout: ['in then, process.domain is d: true', 'exit event: 0'],
      stderr: ['UnhandledPromiseRejectionWarning: Error: thrown in then'],
      exitEvent: { code: 0, printed: ['exit event: 0'] },
    },
    '>=15.0.0 <15.3.0': {
      exit: 1,
      stdout: ['in then, process.domain is d: true', 'exit event: 1'],
      stderr: [/^Error: thrown in then$/],
      exitEvent: { code: 1, printed: ['exit event: 1'] },
    },
    '>=15.3.0': {
      exit: 0,
      stdout: ['in then, process.domain is d: true', 'domain error: thrown in then', 'exit event: 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit event: 0'] },
    },
  }));

  claim('domain/promise-vs-unhandled-rejection', quiet(byNode({
    '<15.3.0': ['process unhandledRejection: thrown in then'],
    '>=15.3.0': ['domain error: thrown in then'],
  })));

  claim('domain/pending-deprecation', quiet(['running in a domain: true']));
});

describe('domains in servers and clusters', () => {
  claim('domain/http-per-request', {
    exit: 0,
    stdout: [
      '[server] requestDomain error: handler failed later /fail',
      '[client] /fail -> 500 "Error occurred, sorry."',
      '[client] /hello -> 200 "ok /hello"',
      '[server] closed',
      'exit event: 0',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit event: 0'] },
  });

  const round = (id: number, last: boolean) => [
    ...SAY,
    `[worker disconnected] ${id}`,
    `[worker ${id} exited] code 0, signal null`,
    ...(last ? [] : ['[new worker forked!]']),
  ];
  claim('domain/cluster-restart', {
    exit: 0,
    stdout: [
      ...round(1, false),
      ...round(2, false),
      ...round(3, false),
      ...round(4, true),
      '[primary] 3 restarts done, not forking again',
      '[primary] 4 workers forked, 4 distinct worker pids; exit code 0',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: ['[primary] 4 workers forked, 4 distinct worker pids; exit code 0'] },
  });

  claim('domain/cluster-kill-timer', {
    exit: 0,
    stdout: [
      ...SAY,
      '[worker disconnected] 1, still running: true',
      '[worker] exit code 1, at least 2.9 s after the error: true',
      '[worker 1 exited] code 1, signal null',
      '[primary] exit code 0',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: ['[primary] exit code 0'] },
  });

  claim('domain/error-handler-not-a-worker', {
    exit: 0,
    stdout: ['cluster.worker: undefined', "Hello! I'm module!", 'exit event: 0'],
    stderr: [byNode({
      '<16.9.0': "Error!!! TypeError: Cannot read property 'disconnect' of undefined",
      '>=16.9.0': "Error!!! TypeError: Cannot read properties of undefined (reading 'disconnect')",
    })],
    exitEvent: { code: 0, printed: ['exit event: 0'] },
    // The catch printed the stack too: its first frame is the line that calls disconnect().
    also: (r) => {
      const lines = r.stderr.split('\n');
      expect(lines[lines.findIndex((l) => l.startsWith('Error!!! TypeError')) + 1]).toContain(`(<dir>/error-handler-not-a-worker.js:${DISCONNECT_LINE}:`);
    },
  });
});

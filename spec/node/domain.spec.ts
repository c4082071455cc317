import { byNode, claim, describe, expect, line, not, snapshot, type Outcome } from '../../harness/claims.ts';

const SAY = ["Hello! I'm module!", '에러 발생 : Error: 오류 핸들링 테스트'];

/** A script that ends normally (code 0) without a word on stderr or an exit listener of its own. */
const quiet = (stdout: string[]): Outcome => ({ exit: 0, stdout, stderr: '', exitEvent: { code: 0, printed: [] } });

describe('domain.run() catches what try/catch cannot', () => {
  claim('domain/run-timer-throw', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: [...SAY, 'exit event: 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit event: 0'] },
    },
    // Bun's domain catches only what is thrown synchronously inside run() (https://github.com/oven-sh/bun/issues/6045): the timer's error ends the process.
    bun: { exit: 1, stdout: ["Hello! I'm module!", 'exit event: 1'], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 1, printed: ['exit event: 1'] } },
  }));
});

describe('implicit binding', () => {
  claim('domain/implicit-emitter', byNode<Outcome>({
    '*': quiet([
      'emitter.domain is d: true',
      'domain error: emitter failed',
      'err.domainEmitter is the emitter: true',
      'err.domainThrown: false',
      'after emit',
    ]),
    // Bun binds no emitter to the active domain (https://github.com/oven-sh/bun/issues/6045).
    bun: { exit: 1, stdout: ['emitter.domain is d: false'], stderr: [line('error: emitter failed')], exitEvent: { code: 1, printed: [] } },
  }));

  claim('domain/implicit-stream', byNode<Outcome>({
    '*': quiet(['stream.domain is d: true', 'destroy returned', 'domain error: stream broke', 'err.domainEmitter is the stream: true']),
    bun: { exit: 1, stdout: ['stream.domain is d: false', 'destroy returned'], stderr: [line('error: stream broke')], exitEvent: { code: 1, printed: [] } },
  }));

  claim('domain/implicit-fs-callback', byNode<Outcome>({
    '*': quiet([
      'callback got: ENOENT',
      'callback runs in d: true',
      'domain error: thrown from the readFile callback',
      'err.domainThrown: true',
    ]),
    // Neither Bun nor Deno runs an fs callback in the domain it was created in; Deno reports the throw as a rejection and skips 'exit'.
    bun: { exit: 1, stdout: ['callback got: ENOENT', 'callback runs in d: false'], stderr: [line('error: thrown from the readFile callback')], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ['callback got: ENOENT', 'callback runs in d: false'], stderr: [line('error: Uncaught (in promise) Error: thrown from the readFile callback')], exitEvent: 'not fired' },
  }));
});

describe('explicit binding', () => {
  claim('domain/add-emitter', byNode<Outcome>({
    '*': quiet([
      'before add, emitter.domain: null',
      'after add, emitter.domain is d: true',
      'd.members holds it: true',
      'domain error: added emitter failed',
    ]),
    // Bun's domain has no `members`: add() leaves the emitter unbound and the script throws a TypeError. Deno's emitters start with domain undefined, not null.
    bun: { exit: 1, stdout: ['before add, emitter.domain: undefined', 'after add, emitter.domain is d: false'], stderr: [line("TypeError: undefined is not an object (evaluating 'd.members.indexOf')")], exitEvent: { code: 1, printed: [] } },
    deno: quiet(['before add, emitter.domain: undefined', 'after add, emitter.domain is d: true', 'd.members holds it: true', 'domain error: added emitter failed']),
  }));

  claim('domain/remove-emitter', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['bound: true', 'after remove, emitter.domain: null', 'exit event: 1'],
      stderr: [line('Error: removed emitter failed')],
      exitEvent: { code: 1, printed: ['exit event: 1'] },
      // Node's own source line above the error, which stderr highlights leave out (it names Node's
      // internal file and line): the throw of an 'error' event nobody listens to.
      also: (r) => expect(r.stderr).toMatch(/^\s*throw er; \/\/ Unhandled 'error' event$/m),
    },
    bun: { exit: 1, stdout: ['bound: false', 'after remove, emitter.domain: undefined', 'exit event: 1'], stderr: [line('error: removed emitter failed')], exitEvent: { code: 1, printed: ['exit event: 1'] } },
    deno: { exit: 1, stdout: ['bound: true', 'after remove, emitter.domain: null'], stderr: [line('error: Uncaught Error: removed emitter failed')], exitEvent: 'not fired' },
  }));

  claim('domain/bind', byNode<Outcome>({
    '*': quiet([
      'process.domain at top level: null',
      'bound callback got 42, in d: true',
      'domain error: thrown in a bound callback',
      'err.domainThrown: true',
    ]),
    // process.domain is undefined, not null, outside any domain; Bun runs the bound callback outside d; neither marks the error domainThrown.
    bun: quiet(['process.domain at top level: undefined', 'bound callback got 42, in d: false', 'domain error: thrown in a bound callback', 'err.domainThrown: false']),
    deno: quiet(['process.domain at top level: undefined', 'bound callback got 42, in d: true', 'domain error: thrown in a bound callback', 'err.domainThrown: false']),
  }));

  claim('domain/intercept', byNode<Outcome>({
    '*': quiet([
      'domain error: passed as the first argument (domainThrown: false, domainBound is the callback: true)',
      'callback called with 2 arguments: first result, second result',
    ]),
    bun: quiet(['domain error: passed as the first argument (domainThrown: false, domainBound is the callback: false)', 'callback called with 2 arguments: first result, second result']),
  }));
});

describe('where domains stop helping', () => {
  claim('domain/throw-in-error-handler', byNode<Outcome>({
    '*': {
      exit: 7,
      stdout: ['domain error: first error'],
      stderr: [line('Error: thrown inside the error listener')],
      exitEvent: 'not fired',
    },
    // Bun's domain never gets the first error (https://github.com/oven-sh/bun/issues/6045); Deno exits 1, not 7, and skips 'exit'.
    bun: { exit: 1, stdout: ['exit event: 1'], stderr: [line('error: first error')], exitEvent: { code: 1, printed: ['exit event: 1'] } },
    deno: { exit: 1, stdout: ['domain error: first error'], stderr: [line('error: Uncaught Error: thrown inside the error listener')], exitEvent: 'not fired' },
  }));

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
      stderr: [line('Error: thrown in then')],
      exitEvent: { code: 1, printed: ['exit event: 1'] },
    },
    '>=15.3.0': {
      exit: 0,
      stdout: ['in then, process.domain is d: true', 'domain error: thrown in then', 'exit event: 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit event: 0'] },
    },
    // Neither routes a rejection to the domain; Bun exits 1 but tells the 'exit' listeners 0 (https://github.com/oven-sh/bun/pull/38116).
    bun: { exit: 1, stdout: ['in then, process.domain is d: false', 'exit event: 0'], stderr: [line('error: thrown in then')], exitEvent: { code: 0, printed: ['exit event: 0'] } },
    deno: { exit: 1, stdout: ['in then, process.domain is d: false'], stderr: [line('error: Uncaught (in promise) Error: thrown in then')], exitEvent: 'not fired' },
  }));

  claim('domain/promise-vs-unhandled-rejection', byNode<Outcome>({
    '*': quiet(byNode({
      '<15.3.0': ['process unhandledRejection: thrown in then'],
      '>=15.3.0': ['domain error: thrown in then'],
    })),
    // As Node before 15.3: the rejection goes to process 'unhandledRejection', not to the domain.
    bun: quiet(['process unhandledRejection: thrown in then']),
    deno: quiet(['process unhandledRejection: thrown in then']),
  }));

  claim('domain/pending-deprecation', quiet(['running in a domain: true']));
});

describe('domains in servers and clusters', () => {
  claim('domain/http-per-request', byNode<Outcome>({
    '*': {
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
    },
    // Bun's request domain does not catch the handler's later throw: the server dies with the first failing request (https://github.com/oven-sh/bun/issues/6045).
    bun: { exit: 1, stdout: ['exit event: 1'], stderr: [line('error: handler failed later')], exitEvent: { code: 1, printed: ['exit event: 1'] } },
  }));

  const round = (id: number, last: boolean) => [
    ...SAY,
    `[worker disconnected] ${id}`,
    `[worker ${id} exited] code 0, signal null`,
    ...(last ? [] : ['[new worker forked!]']),
  ];
  claim('domain/cluster-restart', byNode<Outcome>({
    '*': {
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
    },
    // Under Bun the worker's domain does not catch the timer's throw: each worker dies with code 1 (its 'disconnect' and 'exit' may come in either order) and the primary forks the next.
    bun: {
      exit: 0,
      stdout: new RegExp(`^(?:Hello! I'm module!\\n(?:\\[worker disconnected\\] \\d\\n\\[worker \\d exited\\] code 1, signal null\\n|\\[worker \\d exited\\] code 1, signal null\\n\\[worker disconnected\\] \\d\\n)(?:\\[new worker forked!\\]\\n)?){4}\\[primary\\] 3 restarts done, not forking again\\n\\[primary\\] 4 workers forked, 4 distinct worker pids; exit code 0\\n$`),
      stderr: [line('error: 오류 핸들링 테스트')],
      exitEvent: { code: 0, printed: ['[primary] 4 workers forked, 4 distinct worker pids; exit code 0'] },
    },
  }));

  claim('domain/cluster-kill-timer', byNode<Outcome>({
    '*': {
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
    },
    // Under Bun the worker dies at once with code 1, not after the 3 s kill timer; its 'disconnect' and 'exit' race.
    bun: {
      exit: 0,
      stdout: /^Hello! I'm module!\n[^]*\[primary\] exit code 0\n$/,
      stderr: [line('error: 오류 핸들링 테스트')],
      exitEvent: { code: 0, printed: ['[primary] exit code 0'] },
      also: (r) => {
        expect(r.stdout).toContain('\n[worker] exit code 1, at least 2.9 s after the error: false\n');
        expect(r.stdout).toContain('\n[worker 1 exited] code 1, signal null\n');
        expect(r.stdout).not.toContain('에러 발생');
      },
    },
  }));

  claim('domain/error-handler-not-a-worker', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['cluster.worker: undefined', "Hello! I'm module!", 'exit event: 0'],
      // The catch printed the error's stack: its first frame is the line that calls disconnect().
      stderr: snapshot`
        Error!!! TypeError: ${byNode({
          '<16.9.0': "Cannot read property 'disconnect' of undefined",
          '>=16.9.0': "Cannot read properties of undefined (reading 'disconnect')",
        })}
            at Domain.<anonymous> (<dir>/error-handler-not-a-worker.js:35:20)
        <frames>
        `,
      exitEvent: { code: 0, printed: ['exit event: 0'] },
    },
    bun: { exit: 1, stdout: ['cluster.worker: undefined', "Hello! I'm module!", 'exit event: 1'], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 1, printed: ['exit event: 1'] } },
  }));
});

describe('domains, the capture callback and the error handler', () => {
  claim('domain/process-domain-in-error-handler', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: byNode({
        '<13': ['error listener got: request failed; process.domain is the same domain', 'exit 0'],
        '>=13': ['error listener got: request failed; process.domain is undefined', 'exit 0'],
      }),
      stderr: '',
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Bun's domain does not catch the emitter's error (https://github.com/oven-sh/bun/issues/6045); Deno's process.domain is null there.
    bun: { exit: 1, stdout: ['exit 1'], stderr: [line('error: request failed')], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 0, stdout: ['error listener got: request failed; process.domain is null', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
  }));

  claim('domain/capture-callback-after-domain', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: [
        byNode({ '<25.9': 'setting it threw ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE', '>=25.9': 'capture callback set' }),
        'domain caught: inside the domain',
        'capture callback still set: false',
        'exit 1',
      ],
      stderr: [line('Error: outside any domain'), not('capture callback')],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    // Bun's domain leaves the capture callback in place, which then gets both errors; Deno's domain finds the callback set and reports that to it.
    bun: { exit: 0, stdout: ['capture callback set', 'capture callback: inside the domain', 'capture callback still set: true', 'capture callback: outside any domain', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
    deno: { exit: 0, stdout: ['capture callback set', 'capture callback: `process.setupUncaughtExceptionCapture()` was called while a capture callback was already active', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
  }));

  claim('domain/require-after-capture-callback', byNode({
    '<25.9': {
      exit: 0,
      stdout: ['require threw ERR_DOMAIN_CALLBACK_NOT_AVAILABLE', 'capture callback still set: true', 'capture callback: outside any domain', 'exit 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    '>=25.9': {
      exit: 1,
      stdout: ['domain loaded', 'domain caught: inside the domain', 'capture callback still set: false', 'exit 1'],
      stderr: [line('Error: outside any domain')],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    bun: { exit: 0, stdout: ['domain loaded', 'capture callback: inside the domain', 'capture callback still set: true', 'capture callback: outside any domain', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
    deno: { exit: 0, stdout: ['domain loaded', 'capture callback: `process.setupUncaughtExceptionCapture()` was called while a capture callback was already active', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
  }));
});

// Claims that fill gaps in the lifecycle, errors, domain and async-context families: invalid exit
// codes, Node's documented exit codes, domains next to the capture callback, AsyncLocalStorage.bind
// and snapshot.
import { byNode, claim, describe, not, type Outcome } from '../../harness/claims.ts';

const DEP0164 = '(node:<pid>) [DEP0164] DeprecationWarning: Implicit coercion to integer for exit code is deprecated.';
/** The 'exit' event can carry whatever was passed to process.exit() before Node 20 (here a string). */
const raw = (value: unknown) => value as number;

describe('invalid values for process.exitCode and process.exit()', () => {
  claim('lifecycle/exitcode-string', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: byNode({
        '<22.15 || >=23 <23.10': ['process.exitCode reads back "1" (string)', 'exit listener got 1'],
        '>=22.15 <23 || >=23.10': ['process.exitCode reads back 1 (number)', 'exit listener got 1'],
      }),
      stderr: '',
      exitEvent: { code: 1, printed: ['exit listener got 1'] },
    },
    // Deno keeps the string: the 'exit' listeners get "1" (as Node before 22.15 / 23.10 read it back).
    deno: { exit: 1, stdout: ['process.exitCode reads back "1" (string)', 'exit listener got "1"'], stderr: '', exitEvent: { code: '1', printed: ['exit listener got "1"'] } },
  }));

  claim('lifecycle/exitcode-float', byNode({
    '<19': {
      exit: 1,
      stdout: ['process.exitCode reads back 1.5', 'exit listener got 1'],
      stderr: '',
      exitEvent: { code: 1, printed: ['exit listener got 1'] },},
    '>=19 <20': {
      exit: 1,
      stdout: ['process.exitCode reads back 1.5', 'exit listener got 1'],
      stderr: [DEP0164],
      exitEvent: { code: 1, printed: ['exit listener got 1'] },},
    '>=20': {
      exit: 1,
      stdout: ['exit listener got 1'],
      stderr: [/^RangeError \[ERR_OUT_OF_RANGE\]: The value of "code" is out of range\. It must be an integer\. Received 1\.5$/],
      exitEvent: { code: 1, printed: ['exit listener got 1'] },
    },
    bun: { exit: 1, stdout: ['exit listener got 1'], stderr: [/^RangeError: The value of "code" is out of range\. It must be an integer\. Received 1\.5$/, 'code: "ERR_OUT_OF_RANGE"'], exitEvent: { code: 1, printed: ['exit listener got 1'] } },
    deno: { exit: 1, stdout: [], stderr: [/^error: Uncaught \(in promise\) RangeError: The value of "code" is out of range\. It must be an integer\. Received 1\.5$/], exitEvent: 'not fired' },
  }));

  claim('lifecycle/exitcode-non-numeric', byNode({
    '<19': {
      exit: 0,
      stdout: ['process.exitCode reads back "failed"', 'exit listener got 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit listener got 0'] },},
    '>=19 <20': {
      exit: 0,
      stdout: ['process.exitCode reads back "failed"', 'exit listener got 0'],
      stderr: [DEP0164],
      exitEvent: { code: 0, printed: ['exit listener got 0'] },},
    '>=20': {
      exit: 1,
      stdout: ['exit listener got 1'],
      stderr: [/^TypeError \[ERR_INVALID_ARG_TYPE\]: The "code" argument must be of type number\. Received type string \('failed'\)$/],
      exitEvent: { code: 1, printed: ['exit listener got 1'] },
    },
    // Bun's TypeError has no [ERR_INVALID_ARG_TYPE] in its first line; Deno's says 'must be integer' and skips 'exit'.
    bun: { exit: 1, stdout: ['exit listener got 1'], stderr: [/^TypeError: The "code" argument must be of type number\. Received type string \('failed'\)$/, 'code: "ERR_INVALID_ARG_TYPE"'], exitEvent: { code: 1, printed: ['exit listener got 1'] } },
    deno: { exit: 1, stdout: [], stderr: [/^error: Uncaught \(in promise\) TypeError: The "code" argument must be integer\. Received type string \('failed'\)$/], exitEvent: 'not fired' },
  }));

  claim('lifecycle/exit-float', byNode({
    '<19': {
      exit: 2,
      stdout: ['exit listener got 2.7'],
      stderr: '',
      exitEvent: { code: 2.7, printed: ['exit listener got 2.7'] },},
    '>=19 <20': {
      exit: 2,
      stdout: ['exit listener got 2.7'],
      stderr: [DEP0164],
      exitEvent: { code: 2.7, printed: ['exit listener got 2.7'] },},
    '>=20': {
      exit: 1,
      stdout: ['exit listener got 1'],
      stderr: [/^RangeError \[ERR_OUT_OF_RANGE\]: .* Received 2\.7$/],
      exitEvent: { code: 1, printed: ['exit listener got 1'] },
    },
    bun: { exit: 1, stdout: ['exit listener got 1'], stderr: [/^RangeError: The value of "code" is out of range\. It must be an integer\. Received 2\.7$/, 'code: "ERR_OUT_OF_RANGE"'], exitEvent: { code: 1, printed: ['exit listener got 1'] } },
    deno: { exit: 1, stdout: [], stderr: [/^error: Uncaught \(in promise\) RangeError: The value of "code" is out of range\. It must be an integer\. Received 2\.7$/], exitEvent: 'not fired' },
  }));

  claim('lifecycle/exit-string-reason', byNode({
    '<19': {
      exit: 0,
      stdout: ['shutting down: SIGTERM', 'exit listener got "SIGTERM"'],
      stderr: '',
      exitEvent: { code: raw('SIGTERM'), printed: ['exit listener got "SIGTERM"'] },},
    '>=19 <20': {
      exit: 0,
      stdout: ['shutting down: SIGTERM', 'exit listener got "SIGTERM"'],
      stderr: [DEP0164],
      exitEvent: { code: raw('SIGTERM'), printed: ['exit listener got "SIGTERM"'] },},
    '>=20': {
      exit: 1,
      stdout: ['shutting down: SIGTERM', 'exit listener got 1'],
      stderr: [/^TypeError \[ERR_INVALID_ARG_TYPE\]: The "code" argument must be of type number\. Received type string \('SIGTERM'\)$/],
      exitEvent: { code: 1, printed: ['exit listener got 1'] },
    },
    bun: { exit: 1, stdout: ['shutting down: SIGTERM', 'exit listener got 1'], stderr: [/^TypeError: The "code" argument must be of type number\. Received type string \('SIGTERM'\)$/, 'code: "ERR_INVALID_ARG_TYPE"'], exitEvent: { code: 1, printed: ['exit listener got 1'] } },
    deno: { exit: 1, stdout: ['shutting down: SIGTERM'], stderr: [/^error: Uncaught \(in promise\) TypeError: The "code" argument must be integer\. Received type string \('SIGTERM'\)$/], exitEvent: 'not fired' },
  }));

  claim('lifecycle/exit-256', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['exit listener got 256'],
      stderr: '',
      exitEvent: { code: 256, printed: ['exit listener got 256'] },
    },
    // Bun tells the 'exit' listeners 0, the code already cut to 8 bits (https://github.com/oven-sh/bun/pull/32814).
    bun: { exit: 0, stdout: ['exit listener got 0'], stderr: '', exitEvent: { code: 0, printed: ['exit listener got 0'] } },
  }));
});

describe("Node's exit codes, caused", () => {
  claim('lifecycle/exit-code-9-bad-option', {
    exit: 9,
    stdout: '',
    stderr: ['<node>: bad option: --no-such-flag'],
    exitEvent: 'not fired',
  });

  claim('lifecycle/exit-code-12-disable-proto', {
    // --disable-proto came in 13.12.0 and 12.17.0: before, an unknown option (exit code 9).
    exit: byNode({ '<12.17 || >=13 <13.12': 9, '>=12.17 <13 || >=13.12': 12 }),
    stdout: '',
    stderr: [byNode({ '<12.17 || >=13 <13.12': '<node>: bad option: --disable-proto=bad', '>=12.17 <13 || >=13.12': '<node>: invalid mode passed to --disable-proto' })],
    exitEvent: 'not fired',
  });

  claim('lifecycle/exit-code-14-snapshot', {
    exit: byNode({ '<20': 1, '>=20': 14 }),
    stdout: ['entry script ran'],
    stderr: [/^Cannot open no-such-dir\/snapshot\.blob for writing a snapshot\.$/],
    exitEvent: 'not fired',
  });

  claim('lifecycle/exit-code-5-oom', byNode<Outcome>({
    '*': {
      exit: 0,
      // Before 12.17.0 / 13.12.0 the fatal error also wrote a diagnostic report file (nodejs/node#32207).
      stdout: ['child ended by: SIGABRT', 'stderr has FATAL ERROR: true', `files left in its directory: ${byNode({ '<12.17 || >=13 <13.12': 1, '>=12.17 <13 || >=13.12': 0 })}`],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    // Deno passes the flag to V8 and the child dies by a trap, without V8's FATAL ERROR report.
    deno: { exit: 0, stdout: ['child ended by: SIGTRAP', 'stderr has FATAL ERROR: false', 'files left in its directory: 0'], stderr: '', exitEvent: { code: 0, printed: [] } },
  }));

  claim('lifecycle/exit-code-signal', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['child stdout: sending SIGTERM to myself', 'parent sees: signal SIGTERM, status null', 'shell sees 143'],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    // Run from a shell with its stdout on /dev/null, Deno's child is seen exiting with 1, not 128 + 15.
    deno: { exit: 0, stdout: ['child stdout: sending SIGTERM to myself', 'parent sees: signal SIGTERM, status null', 'shell sees 1'], stderr: '', exitEvent: { code: 0, printed: [] } },
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
    bun: { exit: 1, stdout: ['exit 1'], stderr: [/^error: request failed$/], exitEvent: { code: 1, printed: ['exit 1'] } },
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
      stderr: [/^Error: outside any domain$/, not('capture callback')],
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
      stderr: [/^Error: outside any domain$/],
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    bun: { exit: 0, stdout: ['domain loaded', 'capture callback: inside the domain', 'capture callback still set: true', 'capture callback: outside any domain', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
    deno: { exit: 0, stdout: ['domain loaded', 'capture callback: `process.setupUncaughtExceptionCapture()` was called while a capture callback was already active', 'exit 0'], stderr: '', exitEvent: { code: 0, printed: ['exit 0'] } },
  }));

  claim('errors/capture-callback-rejection', byNode({
    '<15': {
      exit: 0,
      stdout: ['later timer', 'exit 0'],
      stderr: ['UnhandledPromiseRejectionWarning: Error: request rejected'],
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    '>=15': {
      exit: 0,
      stdout: ['capture callback: request rejected', 'later timer', 'exit 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Bun does not hand the unhandled rejection to the capture callback: the process fails, and tells the 'exit' listeners 0.
    bun: { exit: 1, stdout: ['exit 0'], stderr: [/^error: request rejected$/], exitEvent: { code: 0, printed: ['exit 0'] } },
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

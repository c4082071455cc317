import { byNode, claim, describe, line, snapshot, type Outcome } from '../../harness/claims.ts';

/**
 * Ends with `code` and nothing on stderr; the exit listeners received `code` and printed exactly
 * the last line of stdout.
 */
const ends = (code: number, stdout: string[]): Outcome => ({
  exit: code,
  stdout,
  stderr: '',
  exitEvent: { code, printed: stdout.slice(-1) },
});

describe('the event loop does not wait for a pending Promise', () => {
  claim('lifecycle/pending-await', ends(0, ['in promise', 'end of code', 'node exit with code 0']));

  // Neither 'all streams ended', nor 'caught: ...', nor 'finally'.
  claim('lifecycle/streams-never-end', ends(0, ['waiting for 3 streams', 'end of code', 'node exit with code 0']));

  claim('lifecycle/streams-end', ends(0, ['waiting for 3 streams', 'end of code', 'all streams ended', 'node exit with code 0']));

  claim('lifecycle/streams-ended-unread', ends(0, ['both streams ended by their writers', 'node exit with code 0']));
});

describe('handles, not Promises, keep the process alive', () => {
  claim('lifecycle/timer-keeps-alive', ends(0, ['waiting for the timer', 'end of code', 'timer fired, the await is over', 'node exit with code 0']));

  claim('lifecycle/server-keeps-alive', ends(0, ['listening', 'closing the server', 'server closed, the await is over', 'node exit with code 0']));

  claim('lifecycle/server-unref', byNode<Outcome>({
    '*': ends(0, ['listening', 'node exit with code 0']),
    // Deno sometimes still runs the unref'd 50 ms timer while it shuts down, like lifecycle/unref-timer
    // below: seen once in CI (2026-12-04, the Deno matrix), never in 100 runs here, loaded or not.
    deno: { exit: 0, stdout: /^listening\n(?:closing the server\nserver closed, the await is over\n)?node exit with code 0\n$/, stderr: '', exitEvent: { code: 0, printed: ['node exit with code 0'] } },
  }));

  claim('lifecycle/unref-timer', byNode<Outcome>({
    '*': ends(0, ["waiting for an unref'd timer", 'node exit with code 0']),
    // Deno sometimes still runs the unref'd 20 ms timer while it shuts down (seen in about 1 run of 8 on a loaded machine).
    deno: { exit: 0, stdout: /^waiting for an unref'd timer\n(?:timer callback\nthe await is over\n)?node exit with code 0\n$/, stderr: '', exitEvent: { code: 0, printed: ['node exit with code 0'] } },
  }));

  claim('lifecycle/unref-then-ref', ends(0, [
    'after unref(): hasRef() = false',
    'after ref(): hasRef() = true',
    'timer callback',
    'the await is over',
    'node exit with code 0',
  ]));

  claim('lifecycle/interval-unref', ends(0, ['interval ticked', "last ref'd timer fired; the interval has ticked: true", 'node exit with code 0']));
});

describe("'beforeExit'", () => {
  claim('lifecycle/before-exit-fires', ends(0, ['end of code', 'timer', 'beforeExit with code 0', 'exit with code 0']));

  claim('lifecycle/before-exit-reschedule', ends(0, [
    'end of code',
    'beforeExit #1 with code 0',
    'timer scheduled in round 1',
    'beforeExit #2 with code 0',
    'timer scheduled in round 2',
    'beforeExit #3 with code 0',
    'exit with code 0 after 3 beforeExit rounds',
  ]));

  claim('lifecycle/before-exit-not-on-exit', ends(0, ['calling process.exit()', 'exit with code 0']));

  claim('lifecycle/before-exit-not-on-uncaught', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['exit with code 1'],
      stderr: [line('Error: boom')],
      exitEvent: { code: 1, printed: ['exit with code 1'] },
    },
    // Bun reports an uncaught error in its own words; the rest is Node's.
    bun: { exit: 1, stdout: ['exit with code 1'], stderr: [line('error: boom')], exitEvent: { code: 1, printed: ['exit with code 1'] } },
    // Deno ends on an uncaught error without emitting 'exit'.
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught Error: boom')], exitEvent: 'not fired' },
  }));
});

describe("'exit' listeners run synchronously, at the very end", () => {
  const asyncLines = ['exit with code 0', 'synchronous code at the end of the listener', 'Promise.then callback', 'queueMicrotask callback'];
  claim('lifecycle/exit-handler-async', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['end of code', ...asyncLines],
      stderr: '',
      exitEvent: { code: 0, printed: asyncLines },
    },
    // Bun and Deno run no microtask after the 'exit' listeners: the two callbacks are lost (https://github.com/oven-sh/bun/pull/34910).
    bun: { exit: 0, stdout: ['end of code', ...asyncLines.slice(0, 2)], stderr: '', exitEvent: { code: 0, printed: asyncLines.slice(0, 2) } },
    deno: { exit: 0, stdout: ['end of code', ...asyncLines.slice(0, 2)], stderr: '', exitEvent: { code: 0, printed: asyncLines.slice(0, 2) } },
  }));

  const explicitLines = ['exit with code 0', 'synchronous code at the end of the listener'];
  claim('lifecycle/exit-handler-async-explicit', {
    exit: 0,
    stdout: ['calling process.exit()', ...explicitLines],
    stderr: '',
    exitEvent: { code: 0, printed: explicitLines },
  });
});

describe('process.exitCode and process.exit()', () => {
  claim('lifecycle/exitcode-natural', ends(3, ['end of code', 'timer still runs', 'beforeExit with code 3', 'exit with code 3']));

  claim('lifecycle/exit-no-arg', ends(4, ['calling process.exit()', 'exit with code 4']));

  claim('lifecycle/exit-overrides-exitcode', ends(5, ['calling process.exit(5)', 'exit with code 5; process.exitCode is 5']));

  // The listeners (the harness's observer among them) were told 0; the process exits with 9.
  const exitCodeLines = ['first listener received 0; setting process.exitCode = 9', 'second listener received 0; process.exitCode is 9'];
  claim('lifecycle/exitcode-in-exit-listener', {
    exit: 9,
    stdout: ['end of code', ...exitCodeLines],
    stderr: '',
    exitEvent: { code: 0, printed: exitCodeLines },
  });

  claim('lifecycle/exit-in-exit-listener', {
    exit: 7,
    stdout: ['end of code', 'first listener received 0; calling process.exit(7)'],
    stderr: '',
    exitEvent: { code: 0, printed: ['first listener received 0; calling process.exit(7)'] },
  });
});

describe('top-level await in ES modules', () => {
  // The scenario's exit listener prints on stderr, where the warning goes, so stderr shows their order.
  const settles = (code: number, stderr: Outcome['stderr']): Outcome => ({
    exit: 13,
    stdout: ['before the await'],
    stderr,
    exitEvent: { code, printed: [`exit with code ${code}`] },
  });
  claim('lifecycle/tla-never-settles', byNode<Outcome>({
    // No warning; the exit listeners receive 0.
    '<22.0.0': settles(0, snapshot`
      exit with code 0
      `),
    // The warning (the await's place, its line, a caret, three blank lines), after the exit
    // listeners' output; they receive 0.
    '>=22.0.0 <22.15.0 || >=23.0.0 <23.10.0': settles(0, snapshot`
      exit with code 0
      Warning: Detected unsettled top-level await at <dir>/tla-never-settles.mjs:22
      await new Promise(() => {});
      ^



      `),
    // The warning, before the exit listeners' output; they receive 13.
    '>=22.15.0 <23.0.0 || >=23.10.0': settles(13, snapshot`
      Warning: Detected unsettled top-level await at <dir>/tla-never-settles.mjs:22
      await new Promise(() => {});
      ^



      exit with code 13
      `),
    // Bun never ends: it waits on the unsettled await forever (https://github.com/oven-sh/bun/issues/33283).
    bun: { timedOut: true, stdout: ['before the await'], stderr: '', exitEvent: 'not fired' },
    // Deno ends with 1 and an error instead of 13 and a warning, without emitting 'exit'.
    deno: { exit: 1, stdout: ['before the await'], stderr: [line('error: Top-level await promise never resolved')], exitEvent: 'not fired' },
  }));

  claim('lifecycle/tla-exitcode-preset', byNode<Outcome>({
    '*': ends(2, ['before the await', 'exit with code 2']),
    // Bun never ends (https://github.com/oven-sh/bun/issues/33283); Deno ends with 1, not the preset code, without emitting 'exit'.
    bun: { timedOut: true, stdout: ['before the await'], stderr: '', exitEvent: 'not fired' },
    deno: { exit: 1, stdout: ['before the await'], stderr: [line('error: Top-level await promise never resolved')], exitEvent: 'not fired' },
  }));

  claim('lifecycle/tla-rejected', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['before the await', 'exit with code 1'],
      stderr: [line('Error: boom')],
      exitEvent: { code: 1, printed: ['exit with code 1'] },
    },
    bun: { exit: 1, stdout: ['before the await', 'exit with code 1'], stderr: [line('error: boom')], exitEvent: { code: 1, printed: ['exit with code 1'] } },
    deno: { exit: 1, stdout: ['before the await'], stderr: [line('error: Uncaught (in promise) Error: boom')], exitEvent: 'not fired' },
  }));
});

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
      stderr: [line('RangeError [ERR_OUT_OF_RANGE]: The value of "code" is out of range. It must be an integer. Received 1.5')],
      exitEvent: { code: 1, printed: ['exit listener got 1'] },
    },
    bun: { exit: 1, stdout: ['exit listener got 1'], stderr: [line('RangeError: The value of "code" is out of range. It must be an integer. Received 1.5'), 'code: "ERR_OUT_OF_RANGE"'], exitEvent: { code: 1, printed: ['exit listener got 1'] } },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught (in promise) RangeError: The value of "code" is out of range. It must be an integer. Received 1.5')], exitEvent: 'not fired' },
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
      stderr: [line(`TypeError [ERR_INVALID_ARG_TYPE]: The "code" argument must be of type number. Received type string ('failed')`)],
      exitEvent: { code: 1, printed: ['exit listener got 1'] },
    },
    // Bun's TypeError has no [ERR_INVALID_ARG_TYPE] in its first line; Deno's says 'must be integer' and skips 'exit'.
    bun: { exit: 1, stdout: ['exit listener got 1'], stderr: [line(`TypeError: The "code" argument must be of type number. Received type string ('failed')`), 'code: "ERR_INVALID_ARG_TYPE"'], exitEvent: { code: 1, printed: ['exit listener got 1'] } },
    deno: { exit: 1, stdout: [], stderr: [line(`error: Uncaught (in promise) TypeError: The "code" argument must be integer. Received type string ('failed')`)], exitEvent: 'not fired' },
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
    bun: { exit: 1, stdout: ['exit listener got 1'], stderr: [line('RangeError: The value of "code" is out of range. It must be an integer. Received 2.7'), 'code: "ERR_OUT_OF_RANGE"'], exitEvent: { code: 1, printed: ['exit listener got 1'] } },
    deno: { exit: 1, stdout: [], stderr: [line('error: Uncaught (in promise) RangeError: The value of "code" is out of range. It must be an integer. Received 2.7')], exitEvent: 'not fired' },
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
      stderr: [line(`TypeError [ERR_INVALID_ARG_TYPE]: The "code" argument must be of type number. Received type string ('SIGTERM')`)],
      exitEvent: { code: 1, printed: ['exit listener got 1'] },
    },
    bun: { exit: 1, stdout: ['shutting down: SIGTERM', 'exit listener got 1'], stderr: [line(`TypeError: The "code" argument must be of type number. Received type string ('SIGTERM')`), 'code: "ERR_INVALID_ARG_TYPE"'], exitEvent: { code: 1, printed: ['exit listener got 1'] } },
    deno: { exit: 1, stdout: ['shutting down: SIGTERM'], stderr: [line(`error: Uncaught (in promise) TypeError: The "code" argument must be integer. Received type string ('SIGTERM')`)], exitEvent: 'not fired' },
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
    stderr: [line('Cannot open no-such-dir/snapshot.blob for writing a snapshot.')],
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

// Issue 18, from user reports; observed on every pinned major 12..26, Bun and Deno.
describe('an uncaughtException listener and a server', () => {
  claim('lifecycle/uncaught-handler-keeps-server', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: ['uncaughtException: handler failed for /boom', 'GET /boom: no response after 300 ms', 'GET /ok: 200 "ok"', 'exit with code 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
    // Bun calls the listener and then ends the failed response itself: 200 with an empty body.
    bun: {
      exit: 0,
      stdout: ['uncaughtException: handler failed for /boom', 'GET /boom: 200 ""', 'GET /ok: 200 "ok"', 'exit with code 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
    // Deno never calls the listener: its server catches the throw and answers 400, silently.
    deno: {
      exit: 0,
      stdout: ['GET /boom: 400 ""', 'GET /ok: 200 "ok"', 'exit with code 0'],
      stderr: '',
      exitEvent: { code: 0, printed: ['exit with code 0'] },
    },
  }));
});

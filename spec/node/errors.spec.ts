// Errors that escape try/catch, and what process.on('uncaughtException') and its relatives do.
// Source: seeds/003_43754586e9320e59.txt (try/catch, say.js, uncaughtException) and the process docs.
//
// Node's report of a fatal uncaught error is stated as the snapshot of stderr it is: the file:line
// of the throw, that source line, a caret (V8 points at `throw` for a plain throw, at `new` when
// the error surfaced through a microtask), a blank line, the error, its stack (the first frame is
// the scenario's own; Node's internal frames below it move in every release: <frames>), and the
// trailer() Node prints from 17.0.0.
import { byNode, claim, describe, line, not, snapshot, type Outcome } from '../../harness/claims.ts';

/** From 17.0.0 Node ends its report of a fatal error with a blank line and its version (nodejs/node#38332). */
const trailer = () => byNode({ '<17.0.0': [], '>=17.0.0': ['', 'Node.js <version>'] });

describe('try/catch only catches what is thrown on its own call stack', () => {
  claim('errors/sync-try-catch', byNode<Outcome>({
    '*': {
      exit: 0,
      // Every Node from 12 on prints the stack: the message line, then `at` frames, the first
      // one in this file. The article's `[Error: 오류 핸들링 테스트]` is not printed by any of them.
      stdout: snapshot`
        Error: 오류 핸들링 테스트
            at Object.<anonymous> (<dir>/sync-try-catch.js:10:9)
        <frames>
        `,
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    // Bun's console.log prints an Error as its own report: the source lines up to the throw, a caret,
    // `error: <message>`, and frames whose column is the `Error` of `new Error`.
    bun: {
      exit: 0,
      stdout: snapshot`
        * | *
        * | *
        * | *
        * | *
        * | *
        10 |   throw new Error('오류 핸들링 테스트');
                         ^
        error: 오류 핸들링 테스트
              at <dir>/sync-try-catch.js:10:13

        `,
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
  }));

  claim('errors/timer-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: '',
      stderr: snapshot`
        <dir>/timer-throw.js:13
            throw new Error('오류 핸들링 테스트');
            ^

        Error: 오류 핸들링 테스트
            at Timeout._onTimeout (<dir>/timer-throw.js:13:11)
        <frames>
        ${trailer()}
        `,
      exitEvent: { code: 1, printed: [] },
    },
    // Bun and Deno report an uncaught error in their own words; Deno ends without emitting 'exit'.
    bun: { exit: 1, stdout: '', stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: '', stderr: [line('error: Uncaught Error: 오류 핸들링 테스트')], exitEvent: 'not fired' },
  }));

  claim('errors/immediate-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script'],
      stderr: snapshot`
        <dir>/immediate-throw.js:13
            throw new Error('오류 핸들링 테스트');
            ^

        Error: 오류 핸들링 테스트
            at Immediate.<anonymous> (<dir>/immediate-throw.js:13:11)
        <frames>
        ${trailer()}
        `,
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: ['end of script'], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ['end of script'], stderr: [line('error: Uncaught Error: 오류 핸들링 테스트')], exitEvent: 'not fired' },
  }));

  claim('errors/nexttick-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script'],
      stderr: snapshot`
        <dir>/nexttick-throw.js:13
            throw new Error('오류 핸들링 테스트');
            ^

        Error: 오류 핸들링 테스트
            at <dir>/nexttick-throw.js:13:11
        <frames>
        ${trailer()}
        `,
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: ['end of script'], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ['end of script'], stderr: [line('error: Uncaught Error: 오류 핸들링 테스트')], exitEvent: 'not fired' },
  }));

  claim('errors/microtask-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script'],
      // An uncaught exception, not a rejection: no UnhandledPromiseRejection anywhere.
      stderr: snapshot`
        <dir>/microtask-throw.js:13
            throw new Error('오류 핸들링 테스트');
                  ^

        Error: 오류 핸들링 테스트
            at <dir>/microtask-throw.js:13:11
        <frames>
        ${trailer()}
        `,
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: ['end of script'], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ['end of script'], stderr: [line('error: Uncaught Error: 오류 핸들링 테스트')], exitEvent: 'not fired' },
  }));

  claim('errors/then-throw', byNode<Outcome>({
    // The warning's wording changed within this range (see the scenario's changes); what every
    // release of it prints is the warning and the deprecation, never the crash report.
    '<15.0.0': {
      exit: 0,
      stdout: ['end of script'],
      stderr: [
        line('(node:<pid>) UnhandledPromiseRejectionWarning: Error: 오류 핸들링 테스트'),
        '(node:<pid>) [DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated.',
        not("throw new Error('오류 핸들링 테스트');"),
      ],
      exitEvent: { code: 0, printed: [] },
    },
    '>=15.0.0': {
      exit: 1,
      stdout: ['end of script'],
      stderr: snapshot`
        <dir>/then-throw.js:13
            throw new Error('오류 핸들링 테스트');
                  ^

        Error: 오류 핸들링 테스트
            at <dir>/then-throw.js:13:11
        <frames>
        ${trailer()}
        `,
      exitEvent: { code: 1, printed: [] },
    },
    // Bun exits 1 but tells the 'exit' listeners 0 (https://github.com/oven-sh/bun/pull/38116).
    bun: { exit: 1, stdout: ['end of script'], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 0, printed: [] } },
    deno: { exit: 1, stdout: ['end of script'], stderr: [line('error: Uncaught (in promise) Error: 오류 핸들링 테스트')], exitEvent: 'not fired' },
  }));

  claim('errors/callback-try-catch', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: snapshot`
        Error: 오류 핸들링 테스트
            at Timeout._onTimeout (<dir>/callback-try-catch.js:13:13)
        <frames>
        `,
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    bun: {
      exit: 0,
      stdout: snapshot`
        * | *
        * | *
        * | *
        * | *
        * | *
        13 |       throw new Error('오류 핸들링 테스트');
                             ^
        error: 오류 핸들링 테스트
              at <anonymous> (<dir>/callback-try-catch.js:13:17)

        `,
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
  }));

  claim('errors/module-timer-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ["Hello! I'm module!"],
      stderr: snapshot`
        <dir>/_say.js:5
            throw new Error('오류 핸들링 테스트');
            ^

        Error: 오류 핸들링 테스트
            at Timeout._onTimeout (<dir>/_say.js:5:11)
        <frames>
        ${trailer()}
        `,
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: ["Hello! I'm module!"], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ["Hello! I'm module!"], stderr: [line('error: Uncaught Error: 오류 핸들링 테스트')], exitEvent: 'not fired' },
  }));
});

describe("process.on('uncaughtException') and its relatives", () => {
  claim('errors/uncaught-exception-handler', {
    exit: 0,
    stdout: ["Hello! I'm module!", 'uncaughtException 발생 : Error: 오류 핸들링 테스트'],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });

  claim('errors/uncaught-exception-aftermath', {
    exit: 0,
    stdout: [
      'timer 1: before throw',
      'uncaughtException 발생 : Error: 오류 핸들링 테스트',
      'timer 2: same time',
      'timer 3: later',
      'exit 0',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('errors/throw-in-uncaught-handler', byNode<Outcome>({
    '*': {
      exit: 7,
      stdout: ['listener got: 오류 핸들링 테스트'],
      stderr: snapshot`
        <dir>/throw-in-uncaught-handler.js:15
          throw new Error('listener failed');
          ^

        Error: listener failed
            at process.<anonymous> (<dir>/throw-in-uncaught-handler.js:15:9)
        <frames>
        ${trailer()}
        `,
      exitEvent: 'not fired',
    },
    // Bun runs the 'exit' listeners with 7, which Node skips; Deno exits 1, not 7, and skips them.
    bun: { exit: 7, stdout: ['listener got: 오류 핸들링 테스트', 'exit 7'], stderr: [line('error: listener failed')], exitEvent: { code: 7, printed: ['exit 7'] } },
    deno: { exit: 1, stdout: ['listener got: 오류 핸들링 테스트'], stderr: [line('error: Uncaught Error: listener failed')], exitEvent: 'not fired' },
  }));

  claim('errors/uncaught-exception-monitor', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['monitor: Error: 오류 핸들링 테스트 (uncaughtException)', 'exit 1'],
      stderr: snapshot`
        <dir>/uncaught-exception-monitor.js:18
          throw new Error('오류 핸들링 테스트');
          ^

        Error: 오류 핸들링 테스트
            at Timeout._onTimeout (<dir>/uncaught-exception-monitor.js:18:9)
        <frames>
        ${trailer()}
        `,
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    bun: { exit: 1, stdout: ['monitor: Error: 오류 핸들링 테스트 (uncaughtException)', 'exit 1'], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: ['monitor: Error: 오류 핸들링 테스트 (uncaughtException)'], stderr: [line('error: Uncaught Error: 오류 핸들링 테스트')], exitEvent: 'not fired' },
  }));

  claim('errors/capture-callback', {
    exit: 0,
    // The uncaughtException listener is registered too, and never called.
    stdout: ['has capture callback: true', 'capture callback: Error: 오류 핸들링 테스트', 'later timer', 'exit 0'],
    stderr: '',
    exitEvent: { code: 0, printed: ['exit 0'] },
  });

  claim('errors/capture-callback-twice', {
    exit: 0,
    stdout: [
      'Error ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
      '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active',
      'after null: false',
      'third accepted: true',
    ],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });

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
    bun: { exit: 1, stdout: ['exit 0'], stderr: [line('error: request rejected')], exitEvent: { code: 0, printed: ['exit 0'] } },
  }));

  claim('errors/then-throw-uncaught-handler', byNode<Outcome>({
    '*': {
      exit: 0,
      ...byNode<Pick<Outcome, 'stdout' | 'stderr'>>({
        '<15.0.0': { stdout: ['exit 0'], stderr: ['(node:<pid>) UnhandledPromiseRejectionWarning: Error: 오류 핸들링 테스트'] },
        '>=15.0.0': { stdout: ['uncaughtException 발생 : Error: 오류 핸들링 테스트 (unhandledRejection)', 'exit 0'], stderr: '' },
      }),
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Bun does not turn the unhandled rejection into an uncaughtException: the listener is never called and the process fails.
    bun: { exit: 1, stdout: ['exit 0'], stderr: [line('error: 오류 핸들링 테스트')], exitEvent: { code: 0, printed: ['exit 0'] } },
  }));
});

describe('errors thrown while the process is ending', () => {
  claim('errors/throw-in-exit-listener', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script', 'first exit listener: 0'],
      stderr: snapshot`
        <dir>/throw-in-exit-listener.js:13
          throw new Error('exit listener failed');
          ^

        Error: exit listener failed
            at process.<anonymous> (<dir>/throw-in-exit-listener.js:13:9)
        <frames>
        ${trailer()}
        `,
      // The exit event ran once, with 0; the second listener never ran.
      exitEvent: { code: 0, printed: ['first exit listener: 0'] },
    },
    bun: { exit: 1, stdout: ['end of script', 'first exit listener: 0'], stderr: [line('error: exit listener failed')], exitEvent: { code: 0, printed: ['first exit listener: 0'] } },
    deno: { exit: 1, stdout: ['end of script', 'first exit listener: 0'], stderr: [line('error: Uncaught Error: exit listener failed')], exitEvent: { code: 0, printed: ['first exit listener: 0'] } },
  }));

  claim('errors/throw-in-before-exit', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script', 'beforeExit 0', 'exit 1'],
      stderr: snapshot`
        <dir>/throw-in-before-exit.js:14
          throw new Error('beforeExit listener failed');
          ^

        Error: beforeExit listener failed
            at process.<anonymous> (<dir>/throw-in-before-exit.js:14:9)
        <frames>
        ${trailer()}
        `,
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    // Deno exits 1 with nothing at all on stderr: the error is not reported.
    bun: { exit: 1, stdout: ['end of script', 'beforeExit 0', 'exit 1'], stderr: [line('error: beforeExit listener failed')], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: ['end of script', 'beforeExit 0', 'exit 1'], stderr: '', exitEvent: { code: 1, printed: ['exit 1'] } },
  }));
});

// ---- issue 18, family E: the stack of an error rethrown from an 'uncaughtException' listener -----
describe("rethrowing from an 'uncaughtException' listener", () => {
  // The scenario reads the report of a child (scenarios/errors/_rethrow.js) and prints which of
  // Node's lines it has; the checks are written for Node's report format.
  const report = (stack: boolean) => [
    'child exit code: 7',
    'report shows the rethrow line: true',
    'report shows the error: true',
    `report shows the first throw: ${stack}`,
    `report shows the timer: ${stack}`,
  ];
  claim('errors/rethrow-from-uncaught-handler', byNode<Outcome>({
    '<12.6.0 || >=12.7.0': { exit: 0, stdout: report(true), stderr: '', exitEvent: { code: 0, printed: [] } },
    // Only 12.6.0 lost the stack (nodejs/node#28550).
    '>=12.6.0 <12.7.0': { exit: 0, stdout: report(false), stderr: '', exitEvent: { code: 0, printed: [] } },
    // Neither prints Node's report: Bun exits 7 too but shows the error as `error: original` under the
    // listener's own frame, and Deno exits 1 with `error: Uncaught Error: original`.
    bun: {
      exit: 0,
      stdout: ['child exit code: 7', 'report shows the rethrow line: false', 'report shows the error: false', 'report shows the first throw: false', 'report shows the timer: false'],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    deno: {
      exit: 0,
      stdout: ['child exit code: 1', 'report shows the rethrow line: false', 'report shows the error: false', 'report shows the first throw: false', 'report shows the timer: false'],
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
  }));
});

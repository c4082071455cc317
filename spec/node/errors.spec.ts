// Errors that escape try/catch, and what process.on('uncaughtException') and its relatives do.
// Source: seeds/003_43754586e9320e59.txt (try/catch, say.js, uncaughtException) and the process docs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS } from '../../harness/harness.ts';
import { withoutFrames } from '../../harness/observation.ts';
import { byNode, claim, describe, expect, not, type Observation, type Outcome } from '../../harness/claims.ts';

const MESSAGE = '오류 핸들링 테스트';
const THROW = "throw new Error('오류 핸들링 테스트');";

/** The 1-based number and text of the one line of scenarios/errors/<file> containing `needle`. */
function lineOf(file: string, needle: string): { n: number; text: string } {
  const lines = readFileSync(join(SCENARIOS, 'errors', file), 'utf8').split('\n');
  const hits = lines.flatMap((text, i) => (text.includes(needle) ? [{ n: i + 1, text }] : []));
  if (hits.length !== 1) throw new Error(`${file}: expected exactly one line containing ${needle}, found ${hits.length}`);
  return hits[0]!;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A stderr line that is exactly `line`. */
const exactly = (line: string) => new RegExp(`^${escape(line)}$`);
/** Any number of stack-frame lines. */
const FRAMES = '(?:[ \\t]+at \\S[^\\n]*\\n)*';

/**
 * stdout that is an Error's stack printed by console.log: `Error: <message>`, then stack frames
 * only, the first of which is `firstFrame` (a regular expression's source).
 */
const printedStack = (firstFrame: string) => new RegExp(`^${escape(`Error: ${MESSAGE}`)}\\n${firstFrame}\\n${FRAMES}$`);

/**
 * Node's report of a fatal uncaught Error on stderr: the error line (the stderr field), and, checked
 * in `also`, the whole report with stack frames removed: the file:line of the throw, that source
 * line, a caret under `caretAt` (V8 points at `throw` for a plain throw, at `new` when the error
 * surfaced through a microtask), a blank line, the error line, and from 17.0.0 a blank line and
 * `Node.js v<version>`. With `frame`, also that the report's frames are real: the first `at` line
 * names the throwing file and line.
 */
function fatal(file: string, needle: string, caretAt: 'throw' | 'new', errorLine: string, opts: { frame?: boolean; stderr?: Outcome['stderr'] } = {}): Pick<Outcome, 'stderr' | 'also'> {
  const { n, text } = lineOf(file, needle);
  const trailer = byNode({ '<17.0.0': '', '>=17.0.0': '\nNode.js <version>\n' });
  const report = `<dir>/${file}:${n}\n${text}\n${' '.repeat(text.indexOf(caretAt))}^\n\n${errorLine}\n${trailer}`;
  return {
    stderr: [exactly(errorLine), ...(opts.stderr || [])],
    also: (r: Observation) => {
      expect(withoutFrames(r.stderr)).toBe(report);
      if (opts.frame) expect(r.stderr.split('\n').find((l) => /^\s+at /.test(l))).toContain(`<dir>/${file}:${n}:`);
    },
  };
}

describe('try/catch only catches what is thrown on its own call stack', () => {
  const at = lineOf('sync-try-catch.js', THROW);
  claim('errors/sync-try-catch', byNode<Outcome>({
    '*': {
      exit: 0,
      // Every Node from 12 on prints the stack: the message line, then `at` frames, the first
      // one in this file. The article's `[Error: 오류 핸들링 테스트]` is not printed by any of them.
      stdout: printedStack(escape(`    at Object.<anonymous> (<dir>/sync-try-catch.js:${at.n}:${at.text.indexOf('new') + 1})`)),
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    // Bun's console.log prints an Error as its own report: the source lines up to the throw, a caret,
    // `error: <message>`, and frames whose column is the `Error` of `new Error`.
    bun: { exit: 0, stdout: new RegExp(`^(?: *\\d+ \\|.*\\n)+ +\\^\\n${escape(`error: ${MESSAGE}`)}\\n {6}at <dir>/sync-try-catch\\.js:${at.n}:${at.text.indexOf('Error') + 1}\\n\\n$`), stderr: '', exitEvent: { code: 0, printed: [] } },
  }));

  claim('errors/timer-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: '',
      ...fatal('timer-throw.js', THROW, 'throw', `Error: ${MESSAGE}`, { frame: true }),
      exitEvent: { code: 1, printed: [] },
    },
    // Bun and Deno report an uncaught error in their own words; Deno ends without emitting 'exit'.
    bun: { exit: 1, stdout: '', stderr: [exactly(`error: ${MESSAGE}`)], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: '', stderr: [exactly(`error: Uncaught Error: ${MESSAGE}`)], exitEvent: 'not fired' },
  }));

  claim('errors/immediate-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script'],
      ...fatal('immediate-throw.js', THROW, 'throw', `Error: ${MESSAGE}`, { frame: true }),
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: ['end of script'], stderr: [exactly(`error: ${MESSAGE}`)], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ['end of script'], stderr: [exactly(`error: Uncaught Error: ${MESSAGE}`)], exitEvent: 'not fired' },
  }));

  claim('errors/nexttick-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script'],
      ...fatal('nexttick-throw.js', THROW, 'throw', `Error: ${MESSAGE}`, { frame: true }),
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: ['end of script'], stderr: [exactly(`error: ${MESSAGE}`)], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ['end of script'], stderr: [exactly(`error: Uncaught Error: ${MESSAGE}`)], exitEvent: 'not fired' },
  }));

  claim('errors/microtask-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script'],
      ...fatal('microtask-throw.js', THROW, 'new', `Error: ${MESSAGE}`, { frame: true, stderr: [not('UnhandledPromiseRejection')] }),
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: ['end of script'], stderr: [exactly(`error: ${MESSAGE}`)], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ['end of script'], stderr: [exactly(`error: Uncaught Error: ${MESSAGE}`)], exitEvent: 'not fired' },
  }));

  claim('errors/then-throw', byNode<Outcome>({
    '<15.0.0': {
      exit: 0,
      stdout: ['end of script'],
      stderr: [
        `(node:<pid>) UnhandledPromiseRejectionWarning: Error: ${MESSAGE}`,
        '(node:<pid>) [DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated.',
      ],
      exitEvent: { code: 0, printed: [] },
      also: (r) => expect(r.stderr).not.toContain(`${THROW}\n`),
    },
    '>=15.0.0': {
      exit: 1,
      stdout: ['end of script'],
      ...fatal('then-throw.js', THROW, 'new', `Error: ${MESSAGE}`, { frame: true, stderr: [not('UnhandledPromiseRejectionWarning')] }),
      exitEvent: { code: 1, printed: [] },
    },
    // Bun exits 1 but tells the 'exit' listeners 0 (https://github.com/oven-sh/bun/pull/38116).
    bun: { exit: 1, stdout: ['end of script'], stderr: [exactly(`error: ${MESSAGE}`)], exitEvent: { code: 0, printed: [] } },
    deno: { exit: 1, stdout: ['end of script'], stderr: [exactly(`error: Uncaught (in promise) Error: ${MESSAGE}`)], exitEvent: 'not fired' },
  }));

  claim('errors/callback-try-catch', byNode<Outcome>({
    '*': {
      exit: 0,
      stdout: printedStack(`[ \\t]+at [^\\n]*${escape(`<dir>/callback-try-catch.js:${lineOf('callback-try-catch.js', THROW).n}:`)}[^\\n]*`),
      stderr: '',
      exitEvent: { code: 0, printed: [] },
    },
    bun: { exit: 0, stdout: new RegExp(`^(?: *\\d+ \\|.*\\n)+ +\\^\\n${escape(`error: ${MESSAGE}`)}\\n {6}at <anonymous> \\(<dir>/callback-try-catch\\.js:${lineOf('callback-try-catch.js', THROW).n}:${lineOf('callback-try-catch.js', THROW).text.indexOf('Error') + 1}\\)\\n\\n$`), stderr: '', exitEvent: { code: 0, printed: [] } },
  }));

  claim('errors/module-timer-throw', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ["Hello! I'm module!"],
      ...fatal('_say.js', THROW, 'throw', `Error: ${MESSAGE}`, { frame: true }),
      exitEvent: { code: 1, printed: [] },
    },
    bun: { exit: 1, stdout: ["Hello! I'm module!"], stderr: [exactly(`error: ${MESSAGE}`)], exitEvent: { code: 1, printed: [] } },
    deno: { exit: 1, stdout: ["Hello! I'm module!"], stderr: [exactly(`error: Uncaught Error: ${MESSAGE}`)], exitEvent: 'not fired' },
  }));
});

describe("process.on('uncaughtException') and its relatives", () => {
  claim('errors/uncaught-exception-handler', {
    exit: 0,
    stdout: ["Hello! I'm module!", `uncaughtException 발생 : Error: ${MESSAGE}`],
    stderr: '',
    exitEvent: { code: 0, printed: [] },
  });

  claim('errors/uncaught-exception-aftermath', {
    exit: 0,
    stdout: [
      'timer 1: before throw',
      `uncaughtException 발생 : Error: ${MESSAGE}`,
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
      stdout: [`listener got: ${MESSAGE}`],
      ...fatal('throw-in-uncaught-handler.js', "throw new Error('listener failed');", 'throw', 'Error: listener failed', { frame: true }),
      exitEvent: 'not fired',
    },
    // Bun runs the 'exit' listeners with 7, which Node skips; Deno exits 1, not 7, and skips them.
    bun: { exit: 7, stdout: [`listener got: ${MESSAGE}`, 'exit 7'], stderr: [/^error: listener failed$/], exitEvent: { code: 7, printed: ['exit 7'] } },
    deno: { exit: 1, stdout: [`listener got: ${MESSAGE}`], stderr: [/^error: Uncaught Error: listener failed$/], exitEvent: 'not fired' },
  }));

  claim('errors/uncaught-exception-monitor', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: [`monitor: Error: ${MESSAGE} (uncaughtException)`, 'exit 1'],
      ...fatal('uncaught-exception-monitor.js', THROW, 'throw', `Error: ${MESSAGE}`),
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    bun: { exit: 1, stdout: [`monitor: Error: ${MESSAGE} (uncaughtException)`, 'exit 1'], stderr: [exactly(`error: ${MESSAGE}`)], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: [`monitor: Error: ${MESSAGE} (uncaughtException)`], stderr: [exactly(`error: Uncaught Error: ${MESSAGE}`)], exitEvent: 'not fired' },
  }));

  claim('errors/capture-callback', {
    exit: 0,
    // The uncaughtException listener is registered too, and never called.
    stdout: ['has capture callback: true', `capture callback: Error: ${MESSAGE}`, 'later timer', 'exit 0'],
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

  claim('errors/then-throw-uncaught-handler', byNode<Outcome>({
    '*': {
      exit: 0,
      ...byNode<Pick<Outcome, 'stdout' | 'stderr'>>({
        '<15.0.0': { stdout: ['exit 0'], stderr: [`(node:<pid>) UnhandledPromiseRejectionWarning: Error: ${MESSAGE}`] },
        '>=15.0.0': { stdout: [`uncaughtException 발생 : Error: ${MESSAGE} (unhandledRejection)`, 'exit 0'], stderr: '' },
      }),
      exitEvent: { code: 0, printed: ['exit 0'] },
    },
    // Bun does not turn the unhandled rejection into an uncaughtException: the listener is never called and the process fails.
    bun: { exit: 1, stdout: ['exit 0'], stderr: [exactly(`error: ${MESSAGE}`)], exitEvent: { code: 0, printed: ['exit 0'] } },
  }));
});

describe('errors thrown while the process is ending', () => {
  claim('errors/throw-in-exit-listener', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script', 'first exit listener: 0'],
      ...fatal('throw-in-exit-listener.js', "throw new Error('exit listener failed');", 'throw', 'Error: exit listener failed'),
      // The exit event ran once, with 0; the second listener never ran.
      exitEvent: { code: 0, printed: ['first exit listener: 0'] },
    },
    bun: { exit: 1, stdout: ['end of script', 'first exit listener: 0'], stderr: [/^error: exit listener failed$/], exitEvent: { code: 0, printed: ['first exit listener: 0'] } },
    deno: { exit: 1, stdout: ['end of script', 'first exit listener: 0'], stderr: [/^error: Uncaught Error: exit listener failed$/], exitEvent: { code: 0, printed: ['first exit listener: 0'] } },
  }));

  claim('errors/throw-in-before-exit', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['end of script', 'beforeExit 0', 'exit 1'],
      ...fatal('throw-in-before-exit.js', "throw new Error('beforeExit listener failed');", 'throw', 'Error: beforeExit listener failed'),
      exitEvent: { code: 1, printed: ['exit 1'] },
    },
    // Deno exits 1 with nothing at all on stderr: the error is not reported.
    bun: { exit: 1, stdout: ['end of script', 'beforeExit 0', 'exit 1'], stderr: [/^error: beforeExit listener failed$/], exitEvent: { code: 1, printed: ['exit 1'] } },
    deno: { exit: 1, stdout: ['end of script', 'beforeExit 0', 'exit 1'], stderr: '', exitEvent: { code: 1, printed: ['exit 1'] } },
  }));
});

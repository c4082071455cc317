// Errors that escape try/catch, and what process.on('uncaughtException') and its relatives do.
// Source: seeds/003_43754586e9320e59.txt (try/catch, say.js, uncaughtException) and the process docs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS, withoutStackFrames } from '../../harness/harness.ts';
import { byNode, claim, describe, expect } from '../../harness/claims.ts';

const MESSAGE = '오류 핸들링 테스트';
const THROW = "throw new Error('오류 핸들링 테스트');";

/** The 1-based number and text of the one line of scenarios/errors/<file> containing `needle`. */
function lineOf(file: string, needle: string): { n: number; text: string } {
  const lines = readFileSync(join(SCENARIOS, 'errors', file), 'utf8').split('\n');
  const hits = lines.flatMap((text, i) => (text.includes(needle) ? [{ n: i + 1, text }] : []));
  if (hits.length !== 1) throw new Error(`${file}: expected exactly one line containing ${needle}, found ${hits.length}`);
  return hits[0]!;
}

/**
 * Node's report of a fatal uncaught Error on stderr, stack frames removed: the file:line of the
 * throw, that source line, a caret under `caretAt` (V8 points at `throw` for a plain throw, at `new`
 * when the error surfaced through a microtask), a blank line, the error line, and from 17.0.0 a
 * blank line and `Node.js v<version>`.
 */
function fatalReport(file: string, needle: string, caretAt: 'throw' | 'new', errorLine: string): string {
  const { n, text } = lineOf(file, needle);
  const col = text.indexOf(caretAt);
  const trailer = byNode({ '<17.0.0': '', '>=17.0.0': '\nNode.js <version>\n' });
  return `<dir>/${file}:${n}\n${text}\n${' '.repeat(col)}^\n\n${errorLine}\n${trailer}`;
}

/** The report's frames are real: the first `at` line names the throwing file and line. */
function firstFrameIn(stderr: string, file: string, needle: string): void {
  const frame = stderr.split('\n').find((l) => /^\s+at /.test(l));
  expect(frame).toContain(`<dir>/${file}:${lineOf(file, needle).n}:`);
}

describe('try/catch only catches what is thrown on its own call stack', () => {
  claim('errors/sync-try-catch', (r) => {
    // Every Node from 12 on prints the stack: the message line, then `at` frames, the first
    // one in this file. The article's `[Error: 오류 핸들링 테스트]` is not printed by any of them.
    expect(withoutStackFrames(r.stdout)).toBe(`Error: ${MESSAGE}\n`);
    const at = lineOf('sync-try-catch.js', THROW);
    expect(r.stdout.split('\n')[1]).toBe(`    at Object.<anonymous> (<dir>/sync-try-catch.js:${at.n}:${at.text.indexOf('new') + 1})`);
    expect(r.stdout).not.toContain(`[Error: ${MESSAGE}]`);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('errors/timer-throw', (r) => {
    expect(r).toPrint('');
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('timer-throw.js', THROW, 'throw', `Error: ${MESSAGE}`));
    firstFrameIn(r.stderr, 'timer-throw.js', THROW);
    expect(r).toHaveExitEvent(1, []);
    expect(r).toExitWith(1);
  });

  claim('errors/immediate-throw', (r) => {
    expect(r).toPrint(['end of script']);
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('immediate-throw.js', THROW, 'throw', `Error: ${MESSAGE}`));
    firstFrameIn(r.stderr, 'immediate-throw.js', THROW);
    expect(r).toHaveExitEvent(1, []);
    expect(r).toExitWith(1);
  });

  claim('errors/nexttick-throw', (r) => {
    expect(r).toPrint(['end of script']);
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('nexttick-throw.js', THROW, 'throw', `Error: ${MESSAGE}`));
    firstFrameIn(r.stderr, 'nexttick-throw.js', THROW);
    expect(r).toHaveExitEvent(1, []);
    expect(r).toExitWith(1);
  });

  claim('errors/microtask-throw', (r) => {
    expect(r).toPrint(['end of script']);
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('microtask-throw.js', THROW, 'new', `Error: ${MESSAGE}`));
    firstFrameIn(r.stderr, 'microtask-throw.js', THROW);
    expect(r).not.toPrintError('UnhandledPromiseRejection');
    expect(r).toHaveExitEvent(1, []);
    expect(r).toExitWith(1);
  });

  claim('errors/then-throw', (r) => {
    expect(r).toPrint(['end of script']);
    const fatal = byNode({ '<15.0.0': false, '>=15.0.0': true });
    if (fatal) {
      expect(withoutStackFrames(r.stderr)).toBe(fatalReport('then-throw.js', THROW, 'new', `Error: ${MESSAGE}`));
      firstFrameIn(r.stderr, 'then-throw.js', THROW);
      expect(r).not.toPrintError('UnhandledPromiseRejectionWarning');
      expect(r).toHaveExitEvent(1, []);
      expect(r).toExitWith(1);
    } else {
      expect(r).toPrintError(`(node:<pid>) UnhandledPromiseRejectionWarning: Error: ${MESSAGE}`);
      expect(r).toPrintError('(node:<pid>) [DEP0018] DeprecationWarning: Unhandled promise rejections are deprecated.');
      expect(r.stderr).not.toContain(`${THROW}\n`);
      expect(r).toHaveExitEvent(0, []);
      expect(r).toExitWith(0);
    }
  });

  claim('errors/callback-try-catch', (r) => {
    expect(withoutStackFrames(r.stdout)).toBe(`Error: ${MESSAGE}\n`);
    expect(r.stdout.split('\n')[1]).toContain(`<dir>/callback-try-catch.js:${lineOf('callback-try-catch.js', THROW).n}:`);
    expect(r).toExitWith(0);
    expect(r).toHaveExitEvent(0, []);
    expect(r).toHaveQuietStderr();
  });

  claim('errors/module-timer-throw', (r) => {
    expect(r).toPrint(["Hello! I'm module!"]);
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('_say.js', THROW, 'throw', `Error: ${MESSAGE}`));
    firstFrameIn(r.stderr, '_say.js', THROW);
    expect(r).toHaveExitEvent(1, []);
    expect(r).toExitWith(1);
  });
});

describe("process.on('uncaughtException') and its relatives", () => {
  claim('errors/uncaught-exception-handler', (r) => {
    expect(r).toPrint(["Hello! I'm module!", `uncaughtException 발생 : Error: ${MESSAGE}`]);
    expect(r).toHaveExitEvent(0, []);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('errors/uncaught-exception-aftermath', (r) => {
    expect(r).toPrint([
      'timer 1: before throw',
      `uncaughtException 발생 : Error: ${MESSAGE}`,
      'timer 2: same time',
      'timer 3: later',
      'exit 0',
    ]);
    expect(r).toHaveExitEvent(0, ['exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('errors/throw-in-uncaught-handler', (r) => {
    expect(r).toPrint([`listener got: ${MESSAGE}`]);
    const needle = "throw new Error('listener failed');";
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('throw-in-uncaught-handler.js', needle, 'throw', 'Error: listener failed'));
    firstFrameIn(r.stderr, 'throw-in-uncaught-handler.js', needle);
    expect(r).toSkipExitEvent();
    expect(r).toExitWith(7);
  });

  claim('errors/uncaught-exception-monitor', (r) => {
    expect(r).toPrint([`monitor: Error: ${MESSAGE} (uncaughtException)`, 'exit 1']);
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('uncaught-exception-monitor.js', THROW, 'throw', `Error: ${MESSAGE}`));
    expect(r).toHaveExitEvent(1, ['exit 1']);
    expect(r).toExitWith(1);
  });

  claim('errors/capture-callback', (r) => {
    // The uncaughtException listener is registered too, and never called.
    expect(r).toPrint(['has capture callback: true', `capture callback: Error: ${MESSAGE}`, 'later timer', 'exit 0']);
    expect(r).toHaveExitEvent(0, ['exit 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('errors/capture-callback-twice', (r) => {
    expect(r).toPrint([
      'Error ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
      '`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active',
      'after null: false',
      'third accepted: true',
    ]);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('errors/then-throw-uncaught-handler', (r) => {
    const reaches = byNode({ '<15.0.0': false, '>=15.0.0': true });
    if (reaches) {
      expect(r).toPrint([`uncaughtException 발생 : Error: ${MESSAGE} (unhandledRejection)`, 'exit 0']);
      expect(r).toHaveQuietStderr();
    } else {
      expect(r).toPrint(['exit 0']);
      expect(r).toPrintError(`(node:<pid>) UnhandledPromiseRejectionWarning: Error: ${MESSAGE}`);
    }
    expect(r).toHaveExitEvent(0, ['exit 0']);
    expect(r).toExitWith(0);
  });
});

describe('errors thrown while the process is ending', () => {
  claim('errors/throw-in-exit-listener', (r) => {
    expect(r).toPrint(['end of script', 'first exit listener: 0']);
    const needle = "throw new Error('exit listener failed');";
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('throw-in-exit-listener.js', needle, 'throw', 'Error: exit listener failed'));
    // The exit event ran once, with 0; the second listener never ran.
    expect(r).toHaveExitEvent(0, ['first exit listener: 0']);
    expect(r).toExitWith(1);
  });

  claim('errors/throw-in-before-exit', (r) => {
    expect(r).toPrint(['end of script', 'beforeExit 0', 'exit 1']);
    const needle = "throw new Error('beforeExit listener failed');";
    expect(withoutStackFrames(r.stderr)).toBe(fatalReport('throw-in-before-exit.js', needle, 'throw', 'Error: beforeExit listener failed'));
    expect(r).toHaveExitEvent(1, ['exit 1']);
    expect(r).toExitWith(1);
  });
});

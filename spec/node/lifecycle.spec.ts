import { byNode, claim, describe, snapshot, type Outcome } from '../../harness/claims.ts';

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

  claim('lifecycle/server-unref', ends(0, ['listening', 'node exit with code 0']));

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
      stderr: [/^Error: boom$/],
      exitEvent: { code: 1, printed: ['exit with code 1'] },
    },
    // Bun reports an uncaught error in its own words; the rest is Node's.
    bun: { exit: 1, stdout: ['exit with code 1'], stderr: [/^error: boom$/], exitEvent: { code: 1, printed: ['exit with code 1'] } },
    // Deno ends on an uncaught error without emitting 'exit'.
    deno: { exit: 1, stdout: [], stderr: [/^error: Uncaught Error: boom$/], exitEvent: 'not fired' },
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
      Warning: Detected unsettled top-level await at <dir>/tla-never-settles.mjs:21
      await new Promise(() => {});
      ^



      `),
    // The warning, before the exit listeners' output; they receive 13.
    '>=22.15.0 <23.0.0 || >=23.10.0': settles(13, snapshot`
      Warning: Detected unsettled top-level await at <dir>/tla-never-settles.mjs:21
      await new Promise(() => {});
      ^



      exit with code 13
      `),
    // Bun never ends: it waits on the unsettled await forever (https://github.com/oven-sh/bun/issues/33283).
    bun: { timedOut: true, stdout: ['before the await'], stderr: '', exitEvent: 'not fired' },
    // Deno ends with 1 and an error instead of 13 and a warning, without emitting 'exit'.
    deno: { exit: 1, stdout: ['before the await'], stderr: [/^error: Top-level await promise never resolved$/], exitEvent: 'not fired' },
  }));

  claim('lifecycle/tla-exitcode-preset', byNode<Outcome>({
    '*': ends(2, ['before the await', 'exit with code 2']),
    // Bun never ends (https://github.com/oven-sh/bun/issues/33283); Deno ends with 1, not the preset code, without emitting 'exit'.
    bun: { timedOut: true, stdout: ['before the await'], stderr: '', exitEvent: 'not fired' },
    deno: { exit: 1, stdout: ['before the await'], stderr: [/^error: Top-level await promise never resolved$/], exitEvent: 'not fired' },
  }));

  claim('lifecycle/tla-rejected', byNode<Outcome>({
    '*': {
      exit: 1,
      stdout: ['before the await', 'exit with code 1'],
      stderr: [/^Error: boom$/],
      exitEvent: { code: 1, printed: ['exit with code 1'] },
    },
    bun: { exit: 1, stdout: ['before the await', 'exit with code 1'], stderr: [/^error: boom$/], exitEvent: { code: 1, printed: ['exit with code 1'] } },
    deno: { exit: 1, stdout: ['before the await'], stderr: [/^error: Uncaught \(in promise\) Error: boom$/], exitEvent: 'not fired' },
  }));
});

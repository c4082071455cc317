import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIOS } from '../../harness/harness.ts';
import { byNode, claim, describe, expect } from '../../harness/claims.ts';

/** 1-based line number of the first line of a scenario file that equals `text` (trimmed). */
function lineOf(file: string, text: string): number {
  const i = readFileSync(join(SCENARIOS, file), 'utf8').split('\n').findIndex((l) => l.trim() === text);
  if (i < 0) throw new Error(`${file} has no line ${JSON.stringify(text)}`);
  return i + 1;
}

describe('the event loop does not wait for a pending Promise', () => {
  claim('lifecycle/pending-await', (r) => {
    expect(r).toPrint(['in promise', 'end of code', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/streams-never-end', (r) => {
    // Neither 'all streams ended', nor 'caught: ...', nor 'finally'.
    expect(r).toPrint(['waiting for 3 streams', 'end of code', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/streams-end', (r) => {
    expect(r).toPrint(['waiting for 3 streams', 'end of code', 'all streams ended', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/streams-ended-unread', (r) => {
    expect(r).toPrint(['both streams ended by their writers', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});

describe('handles, not Promises, keep the process alive', () => {
  claim('lifecycle/timer-keeps-alive', (r) => {
    expect(r).toPrint(['waiting for the timer', 'end of code', 'timer fired, the await is over', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/server-keeps-alive', (r) => {
    expect(r).toPrint(['listening', 'closing the server', 'server closed, the await is over', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/server-unref', (r) => {
    expect(r).toPrint(['listening', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/unref-timer', (r) => {
    expect(r).toPrint(["waiting for an unref'd timer", 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/unref-then-ref', (r) => {
    expect(r).toPrint(['after unref(): hasRef() = false', 'after ref(): hasRef() = true', 'timer callback', 'the await is over', 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/interval-unref', (r) => {
    expect(r).toPrint(['interval ticked', "last ref'd timer fired; the interval has ticked: true", 'node exit with code 0']);
    expect(r).toHaveExitEvent(0, ['node exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});

describe("'beforeExit'", () => {
  claim('lifecycle/before-exit-fires', (r) => {
    expect(r).toPrint(['end of code', 'timer', 'beforeExit with code 0', 'exit with code 0']);
    expect(r).toHaveExitEvent(0, ['exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/before-exit-reschedule', (r) => {
    expect(r).toPrint([
      'end of code',
      'beforeExit #1 with code 0',
      'timer scheduled in round 1',
      'beforeExit #2 with code 0',
      'timer scheduled in round 2',
      'beforeExit #3 with code 0',
      'exit with code 0 after 3 beforeExit rounds',
    ]);
    expect(r).toHaveExitEvent(0, ['exit with code 0 after 3 beforeExit rounds']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/before-exit-not-on-exit', (r) => {
    expect(r).toPrint(['calling process.exit()', 'exit with code 0']);
    expect(r).toHaveExitEvent(0, ['exit with code 0']);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/before-exit-not-on-uncaught', (r) => {
    expect(r).toPrint(['exit with code 1']);
    expect(r).toHaveExitEvent(1, ['exit with code 1']);
    expect(r).toExitWith(1);
    expect(r).toPrintError(/^Error: boom$/);
  });
});

describe("'exit' listeners run synchronously, at the very end", () => {
  claim('lifecycle/exit-handler-async', (r) => {
    const lines = ['exit with code 0', 'synchronous code at the end of the listener', 'Promise.then callback', 'queueMicrotask callback'];
    expect(r).toPrint(['end of code', ...lines]);
    expect(r).toHaveExitEvent(0, lines);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/exit-handler-async-explicit', (r) => {
    const lines = ['exit with code 0', 'synchronous code at the end of the listener'];
    expect(r).toPrint(['calling process.exit()', ...lines]);
    expect(r).toHaveExitEvent(0, lines);
    expect(r).toExitWith(0);
    expect(r).toHaveQuietStderr();
  });
});

describe('process.exitCode and process.exit()', () => {
  claim('lifecycle/exitcode-natural', (r) => {
    expect(r).toPrint(['end of code', 'timer still runs', 'beforeExit with code 3', 'exit with code 3']);
    expect(r).toHaveExitEvent(3, ['exit with code 3']);
    expect(r).toExitWith(3);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/exit-no-arg', (r) => {
    expect(r).toPrint(['calling process.exit()', 'exit with code 4']);
    expect(r).toHaveExitEvent(4, ['exit with code 4']);
    expect(r).toExitWith(4);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/exit-overrides-exitcode', (r) => {
    expect(r).toPrint(['calling process.exit(5)', 'exit with code 5; process.exitCode is 5']);
    expect(r).toHaveExitEvent(5, ['exit with code 5; process.exitCode is 5']);
    expect(r).toExitWith(5);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/exitcode-in-exit-listener', (r) => {
    const lines = ['first listener received 0; setting process.exitCode = 9', 'second listener received 0; process.exitCode is 9'];
    expect(r).toPrint(['end of code', ...lines]);
    // The listeners (the harness's observer among them) were told 0; the process exits with 9.
    expect(r).toHaveExitEvent(0, lines);
    expect(r).toExitWith(9);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/exit-in-exit-listener', (r) => {
    expect(r).toPrint(['end of code', 'first listener received 0; calling process.exit(7)']);
    expect(r).toHaveExitEvent(0, ['first listener received 0; calling process.exit(7)']);
    expect(r).toExitWith(7);
    expect(r).toHaveQuietStderr();
  });
});

describe('top-level await in ES modules', () => {
  claim('lifecycle/tla-never-settles', (r) => {
    // The code the 'exit' listeners receive: 0 until the fix landed in 22.15.0 and 23.10.0.
    const listenerCode = byNode({ '<22.15.0 || >=23.0.0 <23.10.0': 0, '>=22.15.0 <23.0.0 || >=23.10.0': 13 });
    const line = lineOf('lifecycle/tla-never-settles.mjs', 'await new Promise(() => {});');
    const warning = `Warning: Detected unsettled top-level await at <dir>/tla-never-settles.mjs:${line}\nawait new Promise(() => {});\n^\n\n\n\n`;
    expect(r).toPrint(['before the await', `exit with code ${listenerCode}`]);
    expect(r).toHaveExitEvent(listenerCode, [`exit with code ${listenerCode}`]);
    expect(r).toExitWith(13);
    expect(r.stderr).toBe(byNode({ '<22.0.0': '', '>=22.0.0': warning }));
  });

  claim('lifecycle/tla-exitcode-preset', (r) => {
    expect(r).toPrint(['before the await', 'exit with code 2']);
    expect(r).toHaveExitEvent(2, ['exit with code 2']);
    expect(r).toExitWith(2);
    expect(r).toHaveQuietStderr();
  });

  claim('lifecycle/tla-rejected', (r) => {
    expect(r).toPrint(['before the await', 'exit with code 1']);
    expect(r).toHaveExitEvent(1, ['exit with code 1']);
    expect(r).toExitWith(1);
    expect(r).toPrintError(/^Error: boom$/);
  });
});

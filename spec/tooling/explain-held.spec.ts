// Held to the spec: for each claim of lifecycle/, errors/, handles/ and output/ whose scenario ends
// with pending work, a hang, a crash from an async callback or lost output, `explain` run on that
// scenario names the cause and the claim itself. The list is chosen by reading the claims, not
// from explain's own table (harness/explain-claims.ts); the ones explain cannot name yet are
// visible skips, each with the reason. At the end, the share for which the claim came first.
import { afterAll, describe, expect, it } from 'vitest';
import { explainRun, type Explanation } from '../../harness/explain.ts';
import { skipped } from '../../harness/claims.ts';
import { findScenario } from '../../harness/scenarios.ts';
import type { Target } from '../../harness/node-binaries.ts';
import { bareVersion } from '../../harness/target.ts';
import { limiter } from '../../tools/pool.ts';

/** What explain must name as the cause, besides the claim. */
type Cause = 'pending promise' | 'async crash' | 'crash in exit listener' | 'lost output';

const HELD: [string, Cause][] = [
  ['lifecycle/pending-await', 'pending promise'],
  ['lifecycle/streams-never-end', 'pending promise'],
  ['lifecycle/streams-ended-unread', 'pending promise'],
  ['lifecycle/unref-timer', 'pending promise'],
  ['lifecycle/server-unref', 'pending promise'],
  ['lifecycle/tla-never-settles', 'pending promise'],
  ['errors/timer-throw', 'async crash'],
  ['errors/module-timer-throw', 'async crash'],
  ['errors/immediate-throw', 'async crash'],
  ['errors/nexttick-throw', 'async crash'],
  ['errors/microtask-throw', 'async crash'],
  ['errors/then-throw', 'async crash'],
  ['errors/throw-in-exit-listener', 'crash in exit listener'],
  ['output/exit-after-big-write', 'lost output'],
];

// The scenario proves the hold and then lets go itself (an unref'd timer fires, then it closes the
// handle), so run as it is it ends naturally with nothing pending: explain names a hang only when
// the program is still running at the time limit (spec/tooling/explain.spec.ts, the fixtures).
const SELF_RELEASING = 'the scenario releases the handle itself once it has shown the hold, so explain sees a natural end with nothing pending';
const NOT_YET: [string, string][] = [
  ['lifecycle/timer-keeps-alive', 'the timer fires and the await completes: a natural end, nothing pending'],
  ['lifecycle/server-keeps-alive', SELF_RELEASING],
  ['lifecycle/interval-unref', 'its unref\'d interval never holds the loop: once the ref\'d timer has run the loop empties, a natural end with nothing pending'],
  ['handles/fs-watch', SELF_RELEASING],
  ['handles/fs-watchfile', SELF_RELEASING],
  ['handles/message-port-listener', SELF_RELEASING],
  ['handles/broadcast-channel', SELF_RELEASING],
  ['handles/worker-parentport-listener', SELF_RELEASING],
  ['handles/worker-unref-then-listener', SELF_RELEASING],
  ['handles/paused-socket', SELF_RELEASING],
  ['handles/stdin-data-listener', 'the scenario is the parent that holds the pipe open; the hold is in its child, which explain does not observe'],
  ['handles/readline-until-close', 'the scenario is the parent that holds the pipe open; the hold is in its child, which explain does not observe'],
  ['output/exit-after-write-stdout', 'the scenario is the reader: the writer that loses output is its own child, which explain does not observe'],
  ['output/exit-after-write-stderr', 'the scenario is the reader: the writer that loses output is its own child, which explain does not observe'],
];

// explain's observations need async_hooks: on the Node running the tests (see explain.spec.ts).
const THIS_NODE: Target = { runtime: 'node', path: process.execPath, version: bareVersion(process.version) };
// Each scenario ends by itself within a second or two; the time limit only guards against a hang.
const TIME_LIMIT_MS = 8_000;
// A few at a time: the scenarios are short, and some show their claim with 300 ms timers.
const AT_ONCE = 2;
const limited = limiter(AT_ONCE);

const first: string[] = [];
const named: string[] = [];

describe('explain, held to the spec: each such scenario, explained, names its cause and its claim', () => {
  for (const [id, cause] of HELD) {
    it(id, async () => {
      const s = findScenario(id);
      expect(s.flags, `${id} runs with no flags, as explain runs a program`).toEqual([]);
      const e: Explanation = await limited(() => explainRun(s.file, [], THIS_NODE, TIME_LIMIT_MS));
      const file = s.file.slice(s.file.lastIndexOf('/') + 1);
      if (cause === 'pending promise') {
        expect(e.ended).toBe('natural');
        expect(e.pending.filter((p) => p.kind === 'promise').map((p) => p.created)).toContainEqual(expect.stringMatching(new RegExp(`^${file.replace('.', '\\.')}:\\d+$`)));
      } else if (cause === 'async crash') {
        expect(e.ended).toBe('crash');
        // Where the failing callback was scheduled; a rejection (a .then callback) names where it was thrown.
        if (e.crash!.origin === 'unhandledRejection') expect(e.crash!.at).toMatch(/^[^:]+:\d+$/);
        else expect(e.crash!.scheduled?.at).toMatch(/^[^:]+:\d+$/);
      } else if (cause === 'crash in exit listener') {
        expect(e.ended).toBe('crash');
        expect(e.crash!.duringExit).toBe(true);
      } else {
        expect(e.ended).toBe('exit');
        expect(e.lostOutput.lost).toBe(true);
      }
      expect(e.claims).toContain(id);
      named.push(id);
      if (e.claims[0] === id) first.push(id);
    }, 120_000);
  }
  for (const [id, why] of NOT_YET) skipped(`${id}: explain does not name it yet`, why);

  afterAll(() => {
    // The share, for the record: which claims came first, which were named further down.
    const total = HELD.length + NOT_YET.length;
    console.info(`explain held to the spec: the claim came first for ${first.length} of ${total} scenarios (named at all for ${named.length}; ${NOT_YET.length} not yet); named but not first: ${named.filter((x) => !first.includes(x)).join(', ') || 'none'}`);
  });
});

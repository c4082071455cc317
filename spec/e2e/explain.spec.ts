// `npm run explain` across targets (npm run test:e2e: it needs pinned releases and Bun and Deno):
// Node 12, the oldest it supports, tells the same story as a current Node; under Bun and Deno it
// says what it cannot see (no async_hooks resources) rather than reporting nothing as nothing.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainRun, type Explanation } from '../../harness/explain.ts';
import { resolveTarget, type Target } from '../../harness/node-binaries.ts';
import { ROOT } from '../../harness/project.ts';

const FIXTURES = join(ROOT, 'spec', 'tooling', 'fixtures', 'explain');
// The programs end within a second; the limit only bounds a run that would hang.
const TIME_LIMIT_MS = 10_000;
const targets: Record<string, Target> = {};

beforeAll(async () => {
  for (const t of ['12', '22', 'bun', 'deno']) targets[t] = await resolveTarget(t);
}, 600_000);

const explain = (file: string, t: string): Promise<Explanation> => explainRun(join(FIXTURES, file), [], targets[t]!, TIME_LIMIT_MS);

describe.sequential('explain on Node 12 and 22', () => {
  for (const t of ['12', '22']) {
    it(`Node ${t}: app.js's never-settling promise at line 8, and lifecycle/pending-await`, async () => {
      const e = await explain('event-loop/app.js', t);
      expect(e.target).toBe(`v${targets[t]!.version}`);
      expect(e.ended).toBe('natural');
      expect(e.pending[0]).toEqual({ kind: 'promise', created: 'app.js:8', in: 'main', awaited: 'app.js:8' });
      expect(e.claims[0]).toBe('lifecycle/pending-await');
      expect(e.unavailable).toEqual([]);
    }, 120_000);

    it(`Node ${t}: say.js's setTimeout, scheduled inside index.js's try`, async () => {
      const e = await explain('error-handling/index.js', t);
      expect(e.ended).toBe('crash');
      expect(e.crash!.scheduled).toMatchObject({ kind: 'Timeout', at: 'say.js:3', in: 'exports.hello', insideTry: 'index.js:3' });
      expect(e.claims[0]).toBe('errors/module-timer-throw');
    }, 120_000);
  }
});

describe('explain across versions: an unhandled rejection', () => {
  it('warns and goes on under Node 12, crashes under Node 22: rejections/unhandled-default first on both', async () => {
    const old = await explain('unhandled-rejection/load.js', '12');
    expect(old.ended).toBe('natural');
    expect(old.rejections).toEqual(['Error: no config']);
    expect(old.stdout).toBe('timer ran\n');
    const now = await explain('unhandled-rejection/load.js', '22');
    expect(now.ended).toBe('crash');
    expect(now.crash).toMatchObject({ origin: 'unhandledRejection', error: 'Error: no config', at: 'load.js:3' });
    expect([old.claims[0], now.claims[0]]).toEqual(['rejections/unhandled-default', 'rejections/unhandled-default']);
  }, 120_000);
});

describe.sequential('explain under Bun and Deno states its limits', () => {
  for (const t of ['bun', 'deno']) {
    it(`${t}: the natural end is seen; the pending promise cannot be, and it says so`, async () => {
      const e = await explain('event-loop/app.js', t);
      expect(e.ended).toBe('natural');
      expect(e.exitCode).toBe(0);
      expect(e.pending).toEqual([]);
      expect(e.unavailable).toContainEqual(expect.stringMatching(new RegExp(`^async_hooks\\.createHook reports no resources under ${t}: unsettled promises, live handles`)));
    }, 120_000);

    it(`${t}: a forgotten setInterval is a hang at the time limit, killed, what holds it unknown`, async () => {
      const e = await explainRun(join(FIXTURES, 'forgotten-interval/poll.js'), [], targets[t]!, 3_000);
      expect(e.ended).toBe('timeout');
      expect(e.unavailable).toContain('what kept the event loop alive is unknown here (no async_hooks resources)');
    }, 120_000);
  }
});

// A version boundary is stated once: the byNode ranges each claim in spec/node evaluated (as
// claim() publishes them, collected by vitest: nothing runs) and the `changes:` header of its
// scenario must agree (tools/boundaries.ts statedOnce). Where they legitimately differ, the rule
// says so, or the change is listed below with the reason. That the ranges do not depend on the Node
// the files are collected for is checked in spec/e2e/boundaries.spec.ts (a second collection).
import { beforeAll, describe, expect, it } from 'vitest';
import { findScenario } from '../../harness/harness.ts';
import { statedOnce } from '../../tools/boundaries.ts';
import { collectVitest } from '../../tools/vitest-run.ts';
import type { CollectedClaim } from '../../tools/vitest-collect.ts';

/**
 * `in:` entries of changes the claims do not state per version: the claim's expectation is the
 * same on both sides, because what changed is not in what it checks. Each is still a boundary
 * `--boundaries` checks (the claim must pass on both sides).
 */
const ADVICE = 'the UnhandledPromiseRejectionWarning gained a last line of advice (--unhandled-rejections=strict); the claims check its first line, which did not change';
const NOT_STATED: { at: string[]; scenarios: string[]; why: string }[] = [
  {
    at: ['12.16.0', '13.5.0'],
    why: ADVICE,
    scenarios: [
      'domain/promise-then-throw', 'emitters/async-listener-rejects', 'errors/capture-callback-rejection', 'errors/then-throw',
      'errors/then-throw-uncaught-handler', 'rejections/late-catch-warning', 'rejections/mode-warn', 'rejections/mode-warn-handler',
      'rejections/unhandled-default', 'rejections/unhandled-non-error', 'streams/readable-error-for-await-uncaught',
    ],
  },
  // 12.16.0 is an edge of its node range ('>=12.16 <13 || >=13.4'): stated by that.
  { at: ['13.5.0'], why: ADVICE, scenarios: ['emitters/async-error-listener-rejects'] },
  {
    at: ['12.12.0'],
    why: "the crash report lists the error's properties under its first line; the claim checks the first line, which did not change",
    scenarios: ['events/error-no-listener'],
  },
];

const exempt = (id: string) => NOT_STATED.filter((x) => x.scenarios.includes(id)).flatMap((x) => x.at);

describe('the boundaries of spec/node, stated once', () => {
  let claims: CollectedClaim[] = [];
  const ranges = new Map<string, string[]>();
  beforeAll(async () => {
    claims = await collectVitest(['spec/node']);
    for (const c of claims) ranges.set(c.scenario, [...new Set([...(ranges.get(c.scenario) ?? []), ...c.ranges])]);
  }, 120_000);

  it('every claim publishes its ranges: the \'<16.4\' edge of the --abort-on-uncaught-exception claims, the \'<17.0.0\' edge of the crash-trailer claims', () => {
    expect(claims.length).toBeGreaterThan(200);
    const having = (range: string) => claims.filter((c) => c.ranges.includes(range)).map((c) => c.scenario).sort();
    expect(having('<16.4')).toEqual(['diagnostics/abort-on-uncaught', 'diagnostics/abort-on-uncaught-listener']);
    expect(having('<17.0.0')).toEqual([
      'errors/immediate-throw', 'errors/microtask-throw', 'errors/module-timer-throw', 'errors/nexttick-throw', 'errors/then-throw',
      'errors/throw-in-before-exit', 'errors/throw-in-exit-listener', 'errors/throw-in-uncaught-handler', 'errors/timer-throw', 'errors/uncaught-exception-monitor',
      'network/dgram-bind-in-use', 'network/http-get-refused-no-listener', 'network/listen-eaddrinuse-no-listener', 'network/net-connect-refused-no-listener',
    ]);
  });

  it('every byNode edge has its changes: entry, and every in: entry its byNode edge (or its node range\'s, or a reason below)', () => {
    const problems = [...ranges].sort().flatMap(([id, rs]) => statedOnce(findScenario(id), rs, exempt(id)).map((u) => u.text));
    expect(problems).toEqual([]);
  });

  it('each listed reason is still needed: its entries exist, and no byNode range of the claim states them', () => {
    const stale = NOT_STATED.flatMap((x) => x.scenarios.flatMap((id) => x.at.flatMap((at) => {
      const s = findScenario(id);
      if (!s.changes.some((c) => c.in === at)) return [`${id}: no changes: entry ${at}`];
      return statedOnce(s, ranges.get(id) ?? []).some((u) => u.missing === 'byNode' && u.at === at) ? [] : [`${id}: ${at} is stated by a byNode range or its node range now`];
    })));
    expect(stale).toEqual([]);
  });
});

// The vocabulary of the spec files. claim() runs one scenario as one `it` and checks one object
// stating its whole expected outcome; byNode() states a value per range of Node versions (and per
// runtime). Each claim's result reaches the reporters as data, in the test's `meta`: the scenario
// id, the target, the observation, a skip's reason, the byNode ranges its expectation evaluated.
// No report reads a test's title.
import semver from 'semver';
import { inject, it, TestRunner, type TestContext } from 'vitest';
import { findScenario, runScenario, whyNotApplicable, type RunOptions } from './harness.ts';
import { observed } from './run-ahead.ts';
import { STDIO_KINDS, whyNoStdio, type StdioKind } from './stdio.ts';
import { CLAIM_GRACE_MS, statesKinds, type Scenario } from './scenario.ts';
import { claimKey } from './records.ts';
import { outcomeProblems, showObservation, type Outcome } from './outcome.ts';
import { stored, type Observation, type StoredObservation } from './observation.ts';
import type { Target } from './node-binaries.ts';
import { bareVersion, printNode, printTarget } from './target.ts';

export { expect, describe } from 'vitest';
export { not, type Outcome } from './outcome.ts';
// Printed text as it reads: line('...') one exact line, snapshot`...` a whole output (harness/snapshot.ts).
export { line, snapshot } from './snapshot.ts';
export type { Observation } from './observation.ts';

/** What a claim's test carries to the reporters. */
export interface ClaimMeta {
  scenario: string;
  /** What stdout and stderr are, for a scenario whose header states its kinds (harness/records.ts claimKey). */
  stdio?: StdioKind;
  /** The target's version string ("v22.1.0", "bun 1.4.5"). */
  target: string;
  /** The hash of the scenario's text that ran (read by this claim, or by the run-ahead pool that ran it). */
  hash: string;
  observation?: StoredObservation;
  /** Fields of the outcome the target gives no way to observe (not checked, reported as unknown). */
  unknown?: string[];
}

declare module 'vitest' {
  interface TaskMeta {
    claim?: ClaimMeta;
    /** Why the test is skipped: every skip states one (harness/results-reporter.ts lists them). */
    skip?: string;
    /**
     * For a claim: the Node ranges of every byNode table its expectation evaluated, as written
     * (`['<16.4', '>=16.4']`), in the order first met: the version boundaries it states
     * (`npm run matrix -- --boundaries` reads them). Absent when it states none.
     */
    ranges?: string[];
  }
}

export function target(): Target {
  return inject('target');
}

/** The Node release a runtime's claims are held to when a table states nothing for that runtime. */
export function referenceNode(): string {
  return inject('referenceNode');
}

/**
 * The value stated for the target. Keys are semver ranges of Node versions, or a runtime's name
 * (`bun`, `deno`). Ranges must not overlap and must cover the target: a version no range states
 * is an error, not a guess. A runtime the table does not name is held to what the table states for
 * the reference Node (the newest pinned major): the claim is that it behaves like Node.
 *   byNode({ '<15': 0, '>=15': 1 })
 *   byNode({ '>=15': 1, deno: 0 })
 */
export function byNode<T>(table: Record<string, T>, t: Pick<Target, 'runtime' | 'version'> = target()): T {
  const ranges = Object.keys(table).filter((k) => semver.validRange(k) !== null);
  noteRanges(ranges);
  if (t.runtime !== 'node') {
    if (t.runtime in table) return table[t.runtime]!;
    return byNode(table, { runtime: 'node', version: bareVersion(referenceNode()) });
  }
  const hits = ranges.filter((range) => semver.satisfies(t.version, range, { includePrerelease: true }));
  if (hits.length !== 1) {
    throw new Error(`byNode: ${hits.length ? `ranges ${hits.join(' and ')} overlap` : 'no range covers'} Node ${printNode(t.version)} (ranges: ${ranges.join(', ')})`);
  }
  return table[hits[0]!]!;
}

const PER_STDIO = Symbol('byStdio');
type StdioTable<T> = Partial<Record<StdioKind | '*', T>>;
interface PerStdio<T> { [PER_STDIO]: StdioTable<T> }

/**
 * The value stated for each kind of stdout a scenario's header names (`stdio: [pipe, socket, file,
 * tty]`): claim() runs the scenario once per kind and takes each kind's value. Keys are kinds, and
 * `'*'` for every kind not named. It stands anywhere in an outcome (the whole outcome, a field, a
 * byNode row, or the other way round) and composes with byNode either way:
 *   byStdio({ '*': arrived, socket: lost, pipe: lost })
 *   byNode({ '*': byStdio({ ... }), deno: arrived })
 * Every kind the header names must be covered, and no kind it does not name may be stated. The
 * value is resolved by claim() for each kind (it is typed as the value so that it fits in place);
 * outside an outcome given to claim() it means nothing. (Not inside a snapshot's `${...}`.)
 */
export function byStdio<T>(table: StdioTable<T>): T {
  for (const k of Object.keys(table)) if (k !== '*' && !(STDIO_KINDS as readonly string[]).includes(k)) throw new Error(`byStdio: unknown stdout kind ${JSON.stringify(k)} (known: ${STDIO_KINDS.join(', ')}, and '*')`);
  return { [PER_STDIO]: table } as PerStdio<T> as unknown as T;
}

const isPerStdio = (v: unknown): v is PerStdio<unknown> => typeof v === 'object' && v !== null && PER_STDIO in v;

/** The byStdio tables anywhere in a value (plain objects and arrays are looked into, nothing else). */
function stdioTables(v: unknown, out: StdioTable<unknown>[] = []): StdioTable<unknown>[] {
  if (isPerStdio(v)) {
    out.push(v[PER_STDIO]);
    for (const x of Object.values(v[PER_STDIO])) stdioTables(x, out);
  } else if (Array.isArray(v)) for (const x of v) stdioTables(x, out);
  else if (isPlain(v)) for (const x of Object.values(v)) stdioTables(x, out);
  return out;
}

function isPlain(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A value with every byStdio table in it replaced by its value for `kind`. */
export function forKind<T>(v: T, kind: StdioKind): T {
  if (isPerStdio(v)) {
    const t = v[PER_STDIO];
    return forKind((kind in t ? t[kind] : t['*']) as T, kind);
  }
  if (Array.isArray(v)) return v.map((x) => forKind(x, kind)) as T;
  if (isPlain(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, forKind(x, kind)])) as T;
  return v;
}

/** What is wrong with the byStdio tables of an outcome for a scenario run on `kinds` (empty: nothing). */
export function stdioProblems(s: Pick<Scenario, 'id' | 'stdio'>, kinds: StdioKind[], outcome: Outcome): string[] {
  const tables = stdioTables(outcome);
  if (tables.length && !statesKinds(s)) return [`${s.id}: the outcome states values by byStdio, but its header names no stdout kinds (stdio: [${STDIO_KINDS.join(', ')}])`];
  const out: string[] = [];
  for (const t of tables) {
    for (const k of Object.keys(t)) if (k !== '*' && !kinds.includes(k as StdioKind)) out.push(`${s.id}: byStdio states ${k}, which its header does not run it with (stdio: [${kinds.join(', ')}])`);
    for (const k of kinds) if (!(k in t) && !('*' in t)) out.push(`${s.id}: byStdio states nothing for ${k} (its header runs it with ${kinds.join(', ')}): add ${k} or '*'`);
  }
  return out;
}

// The ranges of the byNode tables evaluated while a spec file is collected, per suite being
// collected (a describe block, or the file's top level), since that suite's last claim(): the next
// claim() in the same suite takes them. So a value several claims share is computed in each (a
// function), not once before them: a table evaluated in another suite (a constant at the top of
// the file, used in a describe) goes to no claim. And every table an expectation depends on is
// evaluated whatever the target (not `a ? byNode(x) : byNode(y)`): the ranges are collected on
// one Node (spec/tooling/boundaries-stated.spec.ts checks they do not depend on it). A byNode
// evaluated while a test runs states nothing about a claim's boundaries and is not noted.
const pending = new WeakMap<object, string[]>();

function noteRanges(ranges: string[]) {
  const suite = TestRunner.getCurrentSuite();
  if (TestRunner.getCurrentTest() || !suite) return;
  const list = pending.get(suite) ?? [];
  for (const r of ranges) if (!list.includes(r)) list.push(r);
  pending.set(suite, list);
}

/** The ranges noted for the claim being declared now in its suite (and a fresh start for the next). */
function takeRanges(): string[] {
  const suite = TestRunner.getCurrentSuite();
  const out = (suite && pending.get(suite)) || [];
  if (suite) pending.delete(suite);
  return out;
}

/** A test that does not run here, with the reason (listed at the end of every run). */
export function skipped(title: string, reason: string) {
  it.skip(`${title} — skipped: ${reason}`, { meta: { skip: reason } }, () => {});
}

/**
 * One claim: runs scenario `id` under the target and checks that it ends as `outcome` states. A
 * scenario whose `node` range excludes the target is skipped visibly, naming the range. A scenario
 * whose header names several stdout kinds is one test per kind, each checked against its kind's
 * value of the outcome's byStdio tables and recorded with its kind.
 */
export function claim(id: string, outcome: Outcome, opts: RunOptions = {}) {
  const ranges = takeRanges();
  const s = findScenario(id);
  const t = target();
  const stated = ranges.length ? { ranges } : {};
  const kinds = opts.stdio ? [opts.stdio] : s.stdio;
  const wrong = stdioProblems(s, kinds, outcome);
  if (wrong.length) throw new Error(wrong.join('\n'));
  // The matrix limited to some scenarios; the rest are not claimed in this run.
  // SPEC_ONLY=<prefix>,<prefix> (--only) selects ids by prefix; SPEC_IDS=<id>,<id> (--boundaries) by exact id.
  const only = process.env.SPEC_ONLY?.split(',').filter(Boolean);
  const ids = process.env.SPEC_IDS?.split(',').filter(Boolean);
  const named = statesKinds(s);
  for (const kind of kinds) {
    const key = claimKey({ scenario: s.id, ...(named ? { stdio: kind } : {}) });
    if (only?.length && !only.some((p) => s.id.startsWith(p))) {
      skipped(key, `not selected (SPEC_ONLY=${only.join(',')})`);
      continue;
    }
    if (ids && !ids.includes(s.id)) {
      skipped(key, 'not selected (SPEC_IDS)');
      continue;
    }
    const why = whyNotApplicable(s, t, opts.flags);
    // A stdout kind this machine cannot give: a visible skip naming what is missing, never another kind.
    const noStdio = why ? undefined : whyNoStdio(kind);
    if (noStdio) {
      skipped(key, noStdio);
      continue;
    }
    const meta = { scenario: s.id, ...(named ? { stdio: kind } : {}), target: printTarget(t), hash: s.hash };
    if (why) {
      const reason = `n.a. on ${printTarget(t)}: ${why}`;
      it.skip(`${key} — ${reason}`, { meta: { skip: reason, claim: meta, ...stated } }, () => {});
      continue;
    }
    const expected = forKind(outcome, kind);
    const runOpts: RunOptions = kinds.length > 1 ? { ...opts, stdio: kind } : opts;
    const limit = opts.timeout ?? s.timeout;
    it(`${key}: ${s.claim}`, { meta: { claim: { ...meta }, ...stated }, timeout: limit + CLAIM_GRACE_MS }, async (ctx: TestContext) => {
      // Started ahead by the run's pool (harness/run-ahead.ts) when it has it; otherwise here.
      const ahead = Object.keys(opts).length ? '' : inject('runAhead');
      const got = ahead ? await observed(ahead, key) : undefined;
      const r = got?.observation ?? (await runScenario(s, t, runOpts));
      const m = ctx.task.meta.claim!;
      if (got) m.hash = got.hash;
      m.observation = stored(r);
      const { problems, unknown } = outcomeProblems(r, expected);
      if (unknown.length) m.unknown = unknown;
      if (problems.length) throw new Error(`${key} on ${r.node}: ${problems.join('; ')}\n${showObservation(r)}`);
      await expected.also?.(r);
    });
  }
}

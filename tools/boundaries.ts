// The version boundaries the spec states, and the releases on either side of each: for
// `npm run matrix -- --boundaries`. A boundary is an edge of a scenario's `changes:` entry
// (harness/changes.ts: the `in:` release; a `never:` line's first release and the next line's),
// or a version in a byNode range its claim's expectation evaluated ('<15', '>=20.15.0 <21'), as
// claim() publishes them in the test's meta (collected by vitest: tools/vitest-run.ts
// collectVitest). Each is checked on the last registry release before it and the first at or after
// it: the claim must pass on both, and the behaviour should differ between them.
//
// The two statements of a boundary are checked against each other (statedOnce): every byNode
// edge needs a `changes:` entry, and every `in:` entry needs a byNode edge or an edge of the
// scenario's `node:` range, unless its change is one the claim does not state per version.
import semver from 'semver';
import { accountsFor, edges } from '../harness/changes.ts';
import { appliesTo } from '../harness/applicability.ts';
import type { Scenario } from '../harness/scenario.ts';
import { behaviourDiff, type StoredObservation } from '../harness/observation.ts';
import type { RegistryList } from '../harness/releases.ts';
import type { CollectedClaim } from './vitest-collect.ts';
import type { StdioKind } from '../harness/stdio.ts';

export interface SpecBoundary {
  scenario: string;
  /** The first version of the new behaviour as the spec states it ("15.0.0"). */
  at: string;
  /** Where it is stated: "changes: 15.0.0", "byNode '<15' in spec/node/rejections.spec.ts". */
  from: string[];
  /** The last registry release before `at` (the scenario applies to it), if any. */
  before?: string;
  /** The first registry release at or after `at`, if any. */
  after?: string;
}

/** Versions named by a semver range's comparators ('<16.14 || >=17.0.0-0 <17.4' -> 16.14.0, 17.0.0, 17.4.0). */
export function rangeVersions(range: string): string[] {
  const out = new Set<string>();
  for (const set of new semver.Range(range).set) {
    for (const c of set) {
      if (!c.value || !c.semver.version) continue;
      const v = `${c.semver.major}.${c.semver.minor}.${c.semver.patch}`;
      // '<=15.2' reads as <15.3.0-0: the boundary is 15.3.0; '>15.2.1' as the release after it.
      if (v !== '0.0.0') out.add(c.operator === '<=' || c.operator === '>' ? semver.inc(v, 'patch')! : v);
    }
  }
  return [...out].sort(semver.compare);
}

/** The byNode ranges of each scenario's claims, from the collected claims, each with the spec file that states it. */
export type ClaimRanges = Map<string, { range: string; file: string }[]>;

export function claimRanges(claims: CollectedClaim[]): ClaimRanges {
  const out: ClaimRanges = new Map();
  for (const c of claims) {
    for (const range of c.ranges) {
      if (rangeVersions(range).length === 0) continue; // '*': no boundary
      const list = out.get(c.scenario) ?? [];
      if (!list.some((x) => x.range === range && x.file === c.file)) list.push({ range, file: c.file });
      out.set(c.scenario, list);
    }
  }
  return out;
}

/** Where a scenario's two statements of a boundary disagree. */
export interface Unstated {
  scenario: string;
  /** The boundary ("16.4.0"). */
  at: string;
  /** 'changes': a byNode edge no `changes:` entry accounts for; 'byNode': an `in:` entry no range of the claims states. */
  missing: 'changes' | 'byNode';
  text: string;
}

/**
 * The rule that a boundary is stated once, checked: each edge of a byNode range the scenario's
 * claims evaluated must be accounted for by its `changes:` header (harness/changes.ts accountsFor:
 * an entry's edge, or a line start a backport explains), and each `in:` entry's release must be an
 * edge of one of those ranges or of the scenario's own `node:` range (before it the claim does not
 * apply). A `never:` entry states a line that did not change: its edges may or may not show, and
 * need no range. `exempt`: the `in:` releases of changes the claims do not state per version.
 */
export function statedOnce(s: Scenario, ranges: string[], exempt: string[] = []): Unstated[] {
  const out: Unstated[] = [];
  const stated = new Map<string, string[]>();
  for (const r of ranges) for (const v of rangeVersions(r)) stated.set(v, [...(stated.get(v) ?? []), r]);
  for (const [at, rs] of [...stated].sort((a, b) => semver.compare(a[0], b[0]))) {
    if (!accountsFor(s.changes, at)) out.push({ scenario: s.id, at, missing: 'changes', text: `${s.id}: byNode ${rs.map((r) => `'${r}'`).join(', ')} puts a boundary at ${at}, and no \`changes:\` entry of its header is there` });
  }
  const own = new Set(s.node === '*' ? [] : rangeVersions(s.node));
  for (const c of s.changes) {
    for (const e of edges(c).filter((x) => x.certain)) {
      const v = semver.parse(e.at)!.version;
      if (stated.has(v) || own.has(v) || exempt.includes(v)) continue;
      out.push({ scenario: s.id, at: v, missing: 'byNode', text: `${s.id}: \`changes:\` entry ${v} is at no edge of a byNode range of its claims, nor of its \`node:\` range '${s.node}'` });
    }
  }
  return out;
}

/** Every boundary the spec states, with the releases on either side of it. */
export function specBoundaries(scenarios: Scenario[], list: Pick<RegistryList, 'versions'>, ranges: ClaimRanges): SpecBoundary[] {
  const out = new Map<string, SpecBoundary>();
  const add = (s: Scenario, at: string, from: string) => {
    const key = `${s.id}\0${at}`;
    const b = out.get(key) ?? { scenario: s.id, at, from: [] };
    if (!b.from.includes(from)) b.from.push(from);
    out.set(key, b);
  };
  for (const s of scenarios) {
    for (const c of s.changes) for (const e of edges(c)) add(s, e.at, c.in !== undefined ? `changes: ${c.in}` : `changes: never ${c.never}`);
    for (const r of ranges.get(s.id) ?? []) for (const v of rangeVersions(r.range)) add(s, v, `byNode '${r.range}' in ${r.file}`);
  }
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  return [...out.values()].map((b) => {
    const s = byId.get(b.scenario)!;
    const applicable = list.versions.filter((v) => appliesTo(s, v));
    const below = applicable.filter((v) => semver.lt(v, b.at));
    const after = applicable.find((v) => semver.gte(v, b.at));
    return { ...b, ...(below.length ? { before: below[below.length - 1] } : {}), ...(after ? { after } : {}) };
  }).sort((a, b) => (a.scenario < b.scenario ? -1 : a.scenario > b.scenario ? 1 : semver.compare(a.at, b.at)));
}

/** The releases to run and, for each, the scenarios to run on it. */
export function boundaryPlan(bs: SpecBoundary[]): Map<string, string[]> {
  const plan = new Map<string, Set<string>>();
  for (const b of bs) for (const v of [b.before, b.after]) if (v) plan.set(v, (plan.get(v) ?? new Set()).add(b.scenario));
  return new Map([...plan].sort((a, b) => semver.compare(a[0], b[0])).map(([v, ids]) => [v, [...ids].sort()]));
}

/** One boundary as `--boundaries --list` shows it: the claim, its release line, the release on each side. */
export interface ListedBoundary {
  scenario: string;
  /** The major line of `at` ("16"). */
  line: string;
  at: string;
  /** The releases that would run: the last before `at` and the first at or after it (null: none). */
  before: string | null;
  after: string | null;
  from: string[];
}

export function listed(bs: SpecBoundary[]): ListedBoundary[] {
  return bs.map((b) => ({ scenario: b.scenario, line: String(semver.major(b.at)), at: b.at, before: b.before ?? null, after: b.after ?? null, from: b.from }));
}

/** `--boundaries --list`: one line per boundary, then what would run. */
export function boundaryListText(bs: SpecBoundary[]): string {
  const rows = listed(bs).map((b) => [b.scenario, `${b.line}.x`, b.before ?? '-', b.after ?? '-', `at ${b.at}: ${b.from.join('; ')}`]);
  const head = ['claim', 'line', 'before', 'after', 'stated by'];
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (r: string[]) => r.map((x, j) => (j === r.length - 1 ? x : x.padEnd(widths[j]!))).join('  ');
  const plan = boundaryPlan(bs);
  return [line(head), ...rows.map(line), '', `${bs.length} boundary(ies), ${plan.size} release(s) to run: ${[...plan.keys()].join(', ') || 'none'} (nothing was run).`].join('\n') + '\n';
}

export interface BoundaryVerdict extends SpecBoundary {
  /** pass / fail / n.a. / missing (no result) on each side. */
  beforeVerdict?: string;
  afterVerdict?: string;
  /** The fields whose behaviour differs between the two sides (empty: the same). */
  differs?: string[];
  /** Why it fails, if it does. */
  problem?: string;
  /** A note that does not fail it (the behaviour is the same on both sides: the change is not in what the claim observes). */
  note?: string;
}

type Result = { verdict: string; stdio?: StdioKind; observation?: StoredObservation; failure?: string };

/**
 * Each boundary judged from the results of its two sides. `result` gives every claim of the
 * scenario on a release: one, or one per stdout kind for a scenario that states kinds. A side
 * passes when every kind passes there; the behaviour differs when it differs on some kind (a
 * field is then named with its kind: "stdout (pipe)").
 */
export function judgeBoundaries(bs: SpecBoundary[], result: (version: string, scenario: string) => Result[]): BoundaryVerdict[] {
  const rank: Record<string, number> = { fail: 4, missing: 3, skipped: 2, 'n.a.': 1, pass: 0 };
  const side = (rs: Result[]): { verdict: string; failure?: string } => {
    if (!rs.length) return { verdict: 'missing' };
    const worst = [...rs].sort((a, b) => (rank[b.verdict] ?? 5) - (rank[a.verdict] ?? 5))[0]!;
    const failure = worst.failure ? `${worst.stdio ? `[stdio ${worst.stdio}] ` : ''}${worst.failure}` : undefined;
    return { verdict: worst.verdict, ...(failure ? { failure } : {}) };
  };
  return bs.map((b) => {
    const v: BoundaryVerdict = { ...b };
    if (!b.after) return { ...v, note: `no registry release at or after ${b.at} that the scenario applies to` };
    const as = b.before ? result(b.before, b.scenario) : [];
    const zs = result(b.after, b.scenario);
    const a = side(as), z = side(zs);
    if (b.before) v.beforeVerdict = a.verdict;
    v.afterVerdict = z.verdict;
    const bad = [b.before && v.beforeVerdict !== 'pass' ? `${v.beforeVerdict} on ${b.before}${a.failure ? `: ${a.failure.split('\n')[0]}` : ''}` : '', v.afterVerdict !== 'pass' ? `${v.afterVerdict} on ${b.after}${z.failure ? `: ${z.failure.split('\n')[0]}` : ''}` : ''].filter(Boolean);
    if (bad.length) v.problem = `${b.scenario} at ${b.at} (${b.from.join('; ')}): ${bad.join('; ')}`;
    const pairs = zs.map((y) => [as.find((x) => x.stdio === y.stdio), y] as const).filter(([x, y]) => x?.observation && y.observation);
    if (pairs.length) {
      v.differs = pairs.flatMap(([x, y]) => behaviourDiff(x!.observation!, y.observation!).map((d) => (y.stdio ? `${d.field} (${y.stdio})` : d.field)));
      if (!v.differs.length) v.note = `same behaviour on ${b.before} and ${b.after}: the change is not in what the claim observes`;
    } else if (!b.before) v.note = `no release before ${b.at} that the scenario applies to`;
    return v;
  });
}

export function boundariesMarkdown(vs: BoundaryVerdict[]): string {
  const out = ['# Version boundaries', '', 'Every boundary the spec states (`changes:` entries, byNode ranges), checked on the last registry release before it and the first at or after it. Generated by `npm run matrix -- --boundaries`.', ''];
  const bad = vs.filter((v) => v.problem);
  out.push(bad.length ? `**${bad.length} boundary(ies) not where the spec says.**` : 'Every boundary holds: the claims pass on both sides.', '');
  out.push('| claim | at | stated by | before | after | differs |', '|---|---|---|---|---|---|');
  for (const v of vs) {
    const cell = (r?: string, verdict?: string) => (r ? `${r} ${verdict === 'pass' ? '✓' : `**${verdict}**`}` : '—');
    out.push(`| \`${v.scenario}\` | ${v.at} | ${v.from.join('<br>')} | ${cell(v.before, v.beforeVerdict)} | ${cell(v.after, v.afterVerdict)} | ${v.differs ? (v.differs.join(', ') || 'nothing') : '—'} |`);
  }
  const notes = vs.filter((v) => v.note || v.problem);
  if (notes.length) out.push('', ...notes.map((v) => `- \`${v.scenario}\` at ${v.at}: ${v.problem ? `**${v.problem}**` : v.note}`));
  return out.join('\n') + '\n';
}

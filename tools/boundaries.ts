// The version boundaries the spec states, and the releases on either side of each: for
// `npm run matrix -- --boundaries`. A boundary is the `in:` of a scenario's `changes:` entry (a
// `never:` line gives the edges of that line), or a version in a byNode range key of a claim in
// spec/node/*.spec.ts ('<15', '>=20.15.0 <21'). Each is checked on the last registry release
// before it and the first at or after it: the claim must pass on both, and the behaviour should
// differ between them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { appliesTo, ROOT, type Scenario } from '../harness/harness.ts';
import { behaviourDiff, type StoredObservation } from '../harness/observation.ts';
import type { RegistryList } from '../harness/releases.ts';

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

/** byNode range keys per scenario id, read from the spec files' text (keys of quoted semver ranges after each claim('<id>'). */
export function byNodeRanges(specDir = join(ROOT, 'spec', 'node')): Map<string, { range: string; file: string }[]> {
  const out = new Map<string, { range: string; file: string }[]>();
  for (const f of readdirSync(specDir).filter((x) => x.endsWith('.spec.ts')).sort()) {
    const text = readFileSync(join(specDir, f), 'utf8');
    const starts = [...text.matchAll(/\bclaim\(\s*['"]([^'"]+)['"]/g)];
    starts.forEach((m, i) => {
      const chunk = text.slice(m.index!, i + 1 < starts.length ? starts[i + 1]!.index : text.length);
      for (const k of chunk.matchAll(/['"]([^'"\n]*\d[^'"\n]*)['"]\s*:/g)) {
        const range = k[1]!;
        if (!/[<>=~^]/.test(range) || semver.validRange(range) === null) continue;
        const list = out.get(m[1]!) ?? [];
        if (!list.some((x) => x.range === range)) list.push({ range, file: `spec/node/${f}` });
        out.set(m[1]!, list);
      }
    });
  }
  return out;
}

/** Every boundary the spec states, with the releases on either side of it. */
export function specBoundaries(scenarios: Scenario[], list: Pick<RegistryList, 'versions'>, ranges = byNodeRanges()): SpecBoundary[] {
  const out = new Map<string, SpecBoundary>();
  const add = (s: Scenario, at: string, from: string) => {
    const key = `${s.id}\0${at}`;
    const b = out.get(key) ?? { scenario: s.id, at, from: [] };
    if (!b.from.includes(from)) b.from.push(from);
    out.set(key, b);
  };
  for (const s of scenarios) {
    for (const c of s.changes) {
      if (c.in !== undefined) add(s, c.in, `changes: ${c.in}`);
      else {
        const n = Number(c.never);
        add(s, `${n}.0.0`, `changes: never ${n}`);
        add(s, `${n + 1}.0.0`, `changes: never ${n}`);
      }
    }
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

type Result = { verdict: string; observation?: StoredObservation; failure?: string } | undefined;

/** Each boundary judged from the results of its two sides. */
export function judgeBoundaries(bs: SpecBoundary[], result: (version: string, scenario: string) => Result): BoundaryVerdict[] {
  return bs.map((b) => {
    const v: BoundaryVerdict = { ...b };
    if (!b.after) return { ...v, note: `no registry release at or after ${b.at} that the scenario applies to` };
    const a = b.before ? result(b.before, b.scenario) : undefined;
    const z = result(b.after, b.scenario);
    if (b.before) v.beforeVerdict = a?.verdict ?? 'missing';
    v.afterVerdict = z?.verdict ?? 'missing';
    const bad = [b.before && v.beforeVerdict !== 'pass' ? `${v.beforeVerdict} on ${b.before}${a?.failure ? `: ${a.failure.split('\n')[0]}` : ''}` : '', v.afterVerdict !== 'pass' ? `${v.afterVerdict} on ${b.after}${z?.failure ? `: ${z.failure.split('\n')[0]}` : ''}` : ''].filter(Boolean);
    if (bad.length) v.problem = `${b.scenario} at ${b.at} (${b.from.join('; ')}): ${bad.join('; ')}`;
    if (a?.observation && z?.observation) {
      v.differs = behaviourDiff(a.observation, z.observation).map((d) => d.field);
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
